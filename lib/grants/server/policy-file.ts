// The intended-grants policy, read from the file configuration names (BRICKWATCH_GRANTS_POLICY). Read again whenever it
// changed on disk, so editing the file shows on the next refresh without a restart.
import 'server-only';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parsePolicy, type GrantPolicy, type PolicyError } from '@/lib/grants/rules/policy';

export interface LoadedPolicy {
  configured: boolean;
  file: string | null;
  policy: GrantPolicy | null;
  error: PolicyError | null;
}

let last: { path: string; mtimeMs: number; loaded: LoadedPolicy } | null = null;

export async function loadPolicy(path: string | null): Promise<LoadedPolicy> {
  if (!path) return { configured: false, file: null, policy: null, error: null };
  const file = basename(path);
  try {
    const { mtimeMs } = await stat(path);
    if (last && last.path === path && last.mtimeMs === mtimeMs) return last.loaded;
    const parsed = parsePolicy(await readFile(path, 'utf8'));
    const loaded: LoadedPolicy = parsed.ok
      ? { configured: true, file, policy: parsed.policy, error: null }
      : { configured: true, file, policy: null, error: parsed.error };
    last = { path, mtimeMs, loaded };
    return loaded;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'it does not exist' : code === 'EACCES' ? 'Brickwatch may not read it' : 'it cannot be read';
    return { configured: true, file, policy: null, error: { line: null, message: `The policy file ${file} was not used: ${why}.` } };
  }
}
