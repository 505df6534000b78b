// `next build` only when the sources changed since the last build into the same folder: a content fingerprint of
// everything that goes into the bundle is kept beside the build.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const INPUTS = [
  'app',
  'components',
  'lib',
  'public',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.js',
  'postcss.config.mjs',
  'tsconfig.json',
  'package-lock.json',
];
const SKIP = /\.(test|int\.test)\.tsx?$/;

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => files(join(path, name)));
}

export function sourceFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((p) => files(join(ROOT, p)))
    .filter((f) => !SKIP.test(f))
    .sort()) {
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** Builds into `distDir` (relative to the repo) unless its fingerprint matches. Resolves to whether it built. */
export async function ensureBuild(
  distDir: string,
  log: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
  output: 'inherit' | 'ignore' = 'inherit',
): Promise<boolean> {
  const marker = join(ROOT, distDir, '.brickwatch-fingerprint');
  const fingerprint = sourceFingerprint();
  if (existsSync(join(ROOT, distDir, 'BUILD_ID')) && existsSync(marker) && readFileSync(marker, 'utf8') === fingerprint) {
    log(`Build in ${distDir} is up to date.`);
    return false;
  }
  log(`Building the app into ${distDir} (next build)…`);
  const started = Date.now();
  const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    cwd: ROOT,
    stdio: ['ignore', output, 'inherit'],
    env: { ...process.env, BRICKWATCH_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' },
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`next build failed (exit ${code})`);
  writeFileSync(marker, fingerprint);
  log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return true;
}
