// The fix-up as Terraform, for teams that manage grants as code. Each change becomes a `databricks_grant` resource:
// one principal on one securable, authoritative for that principal's privileges there and for nothing else. (The
// `databricks_grants` resource is authoritative for the whole securable, so applying one that lists only the fix-up
// would revoke every other grant on it.) A databricks_grant states the complete list, so each resource is the
// principal's current privileges there with the fix-up applied; one left with nothing cannot be expressed as a
// databricks_grant and is written as the commands that remove it.
import type { DirectGrant } from './effective';
import type { GrantFix } from './findings';
import { restPrivilege, sqlPrivilege, type SecurableType } from './privileges';

const ATTRIBUTE: Record<SecurableType, string> = {
  CATALOG: 'catalog',
  SCHEMA: 'schema',
  TABLE: 'table',
  VIEW: 'table',
  VOLUME: 'volume',
  FUNCTION: 'function',
};

/** A Terraform string literal: quotes and backslashes escaped, template sequences (`${`, `%{`) kept literal. */
export function hclString(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{');
  return `"${escaped}"`;
}

/** A resource name Terraform accepts (letters, digits, underscores; not starting with a digit). */
function resourceName(type: SecurableType, securable: string, principal: string): string {
  const base = `${ATTRIBUTE[type]}_${securable}_${principal}`
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
  return /^[a-z_]/.test(base) ? base : `g_${base}`;
}

interface Pair {
  type: SecurableType;
  securable: string;
  principal: string;
  current: Set<string>;
  add: Set<string>;
  remove: Set<string>;
}

/** The fix-up as a Terraform file of databricks_grant resources. `readAt` dates the privileges it keeps. */
export function terraformScript(fixes: readonly GrantFix[], current: readonly DirectGrant[], readAt: Date): string {
  const key = (securable: string, principal: string) => `${securable.toLowerCase()}|${principal.toLowerCase()}`;
  const pairs = new Map<string, Pair>();
  for (const f of fixes) {
    const k = key(f.securable, f.principal);
    const pair = pairs.get(k) ?? {
      type: f.securableType,
      securable: f.securable,
      principal: f.principal,
      current: new Set(),
      add: new Set(),
      remove: new Set(),
    };
    for (const p of f.privileges) (f.action === 'GRANT' ? pair.add : pair.remove).add(sqlPrivilege(p));
    pairs.set(k, pair);
  }
  for (const g of current) pairs.get(key(g.securable, g.principal))?.current.add(sqlPrivilege(g.privilege));

  const names = new Set<string>();
  const unique = (name: string) => {
    let n = name;
    for (let i = 2; names.has(n); i++) n = `${name}_${i}`;
    names.add(n);
    return n;
  };
  const blocks = [...pairs.values()]
    .sort((a, b) => a.securable.localeCompare(b.securable) || a.principal.localeCompare(b.principal))
    .map((p) => {
      const wanted = [...new Set([...p.current, ...p.add])].filter((x) => !p.remove.has(x)).sort();
      const name = unique(resourceName(p.type, p.securable, p.principal));
      const change = [...[...p.add].map((x) => `+${x}`), ...[...p.remove].map((x) => `-${x}`)].join(', ');
      if (wanted.length === 0) {
        const id = `${ATTRIBUTE[p.type]}/${p.securable}/${p.principal}`;
        return [
          `# ${p.securable}: ${p.principal} keeps no privilege (${change}). A databricks_grant cannot hold an empty list:`,
          `# delete the resource that manages this grant, or import it and destroy it:`,
          `#   terraform import 'databricks_grant.${name}' '${id.replace(/'/g, "'\\''")}'`,
          `#   terraform destroy -target='databricks_grant.${name}'`,
        ].join('\n');
      }
      return [
        `# ${p.securable}: ${change}`,
        `resource "databricks_grant" "${name}" {`,
        `  ${ATTRIBUTE[p.type]} = ${hclString(p.securable)}`,
        `  principal = ${hclString(p.principal)}`,
        `  privileges = [${wanted.map((x) => hclString(restPrivilege(x))).join(', ')}]`,
        `}`,
      ].join('\n');
    });
  return [
    `# Brickwatch grant fix-up, generated ${readAt.toISOString()}.`,
    '# Each databricks_grant sets the complete privilege list of one principal on one securable (and nothing else):',
    '# the privileges it held when Brickwatch read the grants, with the fix-up applied. Review before applying.',
    '',
    ...blocks.flatMap((b) => [b, '']),
  ].join('\n');
}
