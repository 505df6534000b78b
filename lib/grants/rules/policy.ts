// The intended grants, from a policy file (JSON or YAML: YAML reads both), and the drift between them and the grants
// as they stand. A file that does not parse, or says something Brickwatch cannot use, is an error naming its line,
// never a silently empty policy.
//
//   catalogs: [analytics]            # what the policy governs; grants elsewhere are not compared
//   curated: [analytics.gold]        # layers only pipelines write (the write rule uses these)
//   principals:
//     data-engineering:              # a group, user name or application id, or a service principal's display name
//       analytics: [USE CATALOG]
//       analytics.bronze: [USE SCHEMA, CREATE TABLE, MODIFY, SELECT]
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { PrincipalIndex } from '@/lib/principals/rules';
import type { DirectGrant } from './effective';
import { describeSecurable, type GrantFinding } from './findings';
import { GRANTABLE, LEGACY_USAGE, isPrivilege, splitFullName, sqlPrivilege, type Privilege, type SecurableType } from './privileges';

export interface GrantPolicy {
  catalogs: string[];
  curated: string[];
  /** Principal name as written → lower-cased securable full name → the name as written and its privileges (SQL spelling). */
  principals: Map<string, Map<string, { name: string; privileges: Set<Privilege> }>>;
}

export interface PolicyError {
  line: number | null;
  message: string;
}

export type PolicyParse = { ok: true; policy: GrantPolicy } | { ok: false; error: PolicyError };

const NAME = /^[^.\s`/]+(\.[^.\s`/]+){0,2}$/;

export function parsePolicy(text: string): PolicyParse {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const fail = (node: Node | null | undefined, message: string): PolicyParse => ({
    ok: false,
    error: { line: node?.range ? lines.linePos(node.range[0]).line : null, message },
  });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    // An unclosed bracket is noticed at the end of the input: name the last line that has text, not the one after it.
    const lastLine = text.trimEnd().split('\n').length;
    const line = e.linePos ? Math.min(e.linePos[0].line, lastLine) : null;
    return { ok: false, error: { line, message: e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '') } };
  }
  const root = doc.contents;
  if (!isMap(root)) return fail(root, 'The policy must be a mapping with "principals" (and optionally "catalogs" and "curated")');
  const policy: GrantPolicy = { catalogs: [], curated: [], principals: new Map() };
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node | null;
    if (key === 'catalogs' || key === 'curated') {
      if (!isSeq(value)) return fail(value ?? (pair.key as Node), `"${key}" must be a list of names`);
      for (const item of value.items) {
        const name = isScalar(item) ? String(item.value) : '';
        const parts = key === 'catalogs' ? 1 : 2;
        if (!NAME.test(name) || name.split('.').length !== parts)
          return fail(item as Node, `"${name}" in ${key} is not a ${parts === 1 ? 'catalog name' : 'catalog.schema name'}`);
        policy[key].push(name);
      }
    } else if (key === 'principals') {
      if (!isMap(value)) return fail(value ?? (pair.key as Node), '"principals" must map each principal to its grants');
      for (const p of value.items) {
        const principal = isScalar(p.key) ? String(p.key.value).trim() : '';
        if (!principal) return fail(p.key as Node, 'A principal name is missing');
        const grants = p.value as Node | null;
        if (!isMap(grants))
          return fail(grants ?? (p.key as Node), `The grants of "${principal}" must map securable names to lists of privileges`);
        const bySecurable = new Map<string, { name: string; privileges: Set<Privilege> }>();
        for (const s of grants.items) {
          const securable = isScalar(s.key) ? String(s.key.value).trim() : '';
          if (!NAME.test(securable))
            return fail(s.key as Node, `"${securable}" is not a catalog, schema or object name (catalog.schema.object)`);
          const list = s.value as Node | null;
          if (!isSeq(list) || list.items.length === 0)
            return fail(
              list ?? (s.key as Node),
              `The privileges of "${principal}" on ${securable} must be a non-empty list, e.g. [SELECT]`,
            );
          const privileges = new Set<Privilege>();
          for (const item of list.items) {
            const raw = isScalar(item) ? String(item.value) : '';
            const privilege = sqlPrivilege(raw);
            if (privilege === LEGACY_USAGE)
              return fail(item as Node, `USAGE is the legacy name: write USE CATALOG or USE SCHEMA (Unity Catalog privileges)`);
            if (!isPrivilege(privilege)) return fail(item as Node, `"${raw}" is not a Unity Catalog privilege`);
            const parts = securable.split('.').length;
            const types: SecurableType[] = parts === 1 ? ['CATALOG'] : parts === 2 ? ['SCHEMA'] : ['TABLE', 'VIEW', 'VOLUME', 'FUNCTION'];
            if (!types.some((t) => GRANTABLE[t].has(privilege)))
              return fail(
                item as Node,
                `${privilege} cannot be granted on ${parts === 3 ? 'an object' : `a ${types[0]!.toLowerCase()}`} (${securable})`,
              );
            privileges.add(privilege);
          }
          bySecurable.set(securable.toLowerCase(), { name: securable, privileges });
        }
        policy.principals.set(principal, bySecurable);
      }
    } else {
      return fail(pair.key as Node, `Unknown setting "${key}": a policy has "catalogs", "curated" and "principals"`);
    }
  }
  if (policy.principals.size === 0) return fail(root, 'The policy names no principals');
  if (policy.catalogs.length === 0) {
    // Unstated, the policy governs the catalogs it mentions.
    const mentioned = new Set<string>();
    for (const grants of policy.principals.values()) for (const s of grants.values()) mentioned.add(splitFullName(s.name).catalog);
    policy.catalogs = [...mentioned];
  }
  return { ok: true, policy };
}

export interface DriftInput {
  grants: readonly DirectGrant[];
  index: PrincipalIndex;
  /** The type of a securable by full name (lower-cased), for GRANTs the policy asks for; null when it does not exist. */
  typeOf: (fullName: string) => SecurableType | null;
}

/** Which policy entry a grantee answers to: its name, or (for service principals) its display name. */
function policyKeyFor(policy: GrantPolicy, name: string, index: PrincipalIndex): string | null {
  const p = index.resolve(name);
  for (const key of policy.principals.keys()) {
    const k = key.toLowerCase();
    if (k === name.toLowerCase() || (p.displayName !== null && p.kind === 'service_principal' && k === p.displayName.toLowerCase()))
      return key;
  }
  return null;
}

/** Excess grants, missing grants, and principals holding grants the policy does not mention, within its catalogs. */
export function policyDrift(policy: GrantPolicy, input: DriftInput): GrantFinding[] {
  const inScope = (fullName: string) => policy.catalogs.some((c) => c.toLowerCase() === splitFullName(fullName).catalog.toLowerCase());
  const out: GrantFinding[] = [];
  const held = new Map<string, Map<string, Set<string>>>();
  for (const g of input.grants) {
    if (!inScope(g.securable)) continue;
    const privilege = sqlPrivilege(g.privilege);
    const on = describeSecurable(g.type, g.securable);
    const key = policyKeyFor(policy, g.principal, input.index);
    const fix = {
      action: 'REVOKE' as const,
      privileges: [privilege],
      securableType: g.type,
      securable: g.securable,
      principal: g.principal,
    };
    const base = { principal: g.principal, securable: g.securable, securableType: g.type, privilege, fix };
    if (key === null) {
      out.push({
        code: 'policy_unmentioned',
        level: 'medium',
        text: `${g.principal} holds ${privilege} on ${on}, but the policy does not mention ${g.principal}.`,
        ...base,
      });
      continue;
    }
    const intended = policy.principals.get(key)!.get(g.securable.toLowerCase());
    const mine = held.get(key) ?? new Map<string, Set<string>>();
    held.set(key, mine);
    mine.set(g.securable.toLowerCase(), (mine.get(g.securable.toLowerCase()) ?? new Set()).add(privilege));
    if (!intended?.privileges.has(privilege as Privilege)) {
      out.push({
        code: 'policy_excess',
        level: 'medium',
        text: `${g.principal} holds ${privilege} on ${on}; the policy ${intended ? `gives it only ${[...intended.privileges].join(', ')} there` : `gives it nothing on ${g.securable}`}.`,
        ...base,
      });
    }
  }
  for (const [key, intended] of policy.principals) {
    const principal = input.index.resolve(key);
    // A service principal named by its display name is granted by its application id.
    const grantee =
      input.grants.find((g) => policyKeyFor(policy, g.principal, input.index) === key)?.principal ??
      (principal.status === 'deleted' ? null : principal.name);
    for (const [lowerName, { name: securable, privileges }] of intended) {
      if (!inScope(securable)) continue;
      const type = input.typeOf(lowerName);
      const missing = [...privileges].filter((p) => !held.get(key)?.get(lowerName)?.has(p));
      if (missing.length === 0) continue;
      const canFix = type !== null && grantee !== null;
      out.push({
        code: 'policy_missing',
        level: 'low',
        text:
          type === null
            ? `The policy gives ${key} ${missing.join(', ')} on ${securable}, which does not exist (or cannot be seen).`
            : grantee === null
              ? `The policy gives ${key} ${missing.join(', ')} on ${describeSecurable(type, securable)}, but no principal of that name exists.`
              : `The policy gives ${key} ${missing.join(', ')} on ${describeSecurable(type, securable)}, which ${missing.length === 1 ? 'is' : 'are'} not granted.`,
        principal: grantee ?? key,
        securable,
        securableType: type,
        privilege: missing.join(', '),
        fix: canFix ? { action: 'GRANT', privileges: missing, securableType: type, securable, principal: grantee } : null,
      });
    }
  }
  return out;
}
