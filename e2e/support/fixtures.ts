// Who is who in the seeded workspace, where each role's signed-in session is stored, and the simulator's control API.
import { join } from 'node:path';
import type { WorkspaceFile } from '../../simulator/core/contract';
import type { Role } from '../../lib/roles';
import { roleFromGroups } from '../../lib/roles';

export type Persona = Role | 'none';
export const PERSONAS: readonly Persona[] = ['admin', 'analyst', 'manager', 'none'];
const DEFAULT_GROUPS = { admin: ['admins'], analyst: ['security-analysts'], manager: ['security-managers'] };

export function workspace(): WorkspaceFile {
  const raw = process.env.E2E_WORKSPACE;
  if (!raw) throw new Error('E2E_WORKSPACE is not set: run the tests with `npm run test:e2e`');
  return JSON.parse(raw) as WorkspaceFile;
}

/** The seeded person whose groups give exactly this role ('none': no Brickwatch group at all). */
export function personFor(persona: Persona, ws: WorkspaceFile = workspace()): WorkspaceFile['people'][number] {
  const want = persona === 'none' ? null : persona;
  const person = ws.people.find((p) => roleFromGroups(p.groups, DEFAULT_GROUPS) === want);
  if (!person) throw new Error(`the simulator has no featured person for role ${persona}`);
  return person;
}

export function authFile(persona: Persona): string {
  return join(__dirname, '..', '.auth', `${persona}.json`);
}

export async function simControl<T>(ws: WorkspaceFile, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${ws.host}/__simulator${path}`, {
    method,
    headers: { Authorization: `Bearer ${ws.adminToken}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`simulator control ${method} ${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}
