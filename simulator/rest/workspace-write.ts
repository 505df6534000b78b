// Workspace API writes: POST /api/2.0/workspace/import, /delete and /mkdirs. Importing needs CAN_EDIT on the
// folder (or on the object it overwrites); the creator of an object gets CAN_MANAGE on it unless a folder above
// already gives them that. Every call is audited like Databricks: notebook.importNotebook / deleteNotebook /
// createFolder / deleteFolder, workspace.fileCreate / fileDelete, repos.deleteRepo.
import { randomInt } from 'node:crypto';
import { ApiError, type RestRequest } from '../core/contract';
import { badRequest, notFound } from '../http/errors';
import { asObject, optionalBool, optionalString, requireString } from '../http/fields';
import type { WsRoute } from '../http/types';
import { COMMENT } from '../seed/notebook-source';
import { parentOf, type Language, type WorkspaceObjects, type WsNode, type WsRow } from '../store/workspace-objects';
import type { WorkspaceContext } from './workspace';
import { ACL_TYPES, aclTypeOf, EDIT, MANAGE, normalizePath, TOP_FOLDERS, type AccessView } from './workspace-access';
import { MAX_EXPORT_BYTES } from './workspace-export';

const LANGUAGES = ['PYTHON', 'SQL', 'SCALA', 'R'];
const IMPORT_FORMATS = ['SOURCE', 'HTML', 'JUPYTER', 'DBC', 'R_MARKDOWN', 'AUTO', 'RAW'];
const EXTENSIONS: Record<string, Language> = { py: 'PYTHON', sql: 'SQL', scala: 'SCALA', r: 'R' };
const HEADER = /^(#|--|\/\/) Databricks notebook source/;

interface AuditEvent {
  service: string;
  action: string;
  params: Record<string, string>;
}

export function workspaceWriteRoutes(ctx: WorkspaceContext): WsRoute[] {
  /** Runs a write and audits it under the action it turned out to be (notebook, folder, file…), failed or not. */
  const audited = async (req: RestRequest, ev: AuditEvent, fn: () => Promise<void>) => {
    let status = 200;
    let error: string | null = null;
    try {
      await fn();
      return { body: {} };
    } catch (e) {
      status = e instanceof ApiError ? e.status : 500;
      error = (e as Error).message;
      throw e;
    } finally {
      ctx.audit.append({
        serviceName: ev.service,
        actionName: ev.action,
        email: req.principal.name,
        requestParams: ev.params,
        statusCode: status,
        errorMessage: error,
        sourceIp: req.meta.sourceIp,
        userAgent: req.meta.userAgent,
        requestId: req.meta.requestId,
      });
    }
  };

  const importHandler = async (req: RestRequest) => {
    const b = asObject(req.body);
    const ev: AuditEvent = { service: 'notebook', action: 'importNotebook', params: { path: String(b.path ?? '') } };
    return audited(req, ev, async () => {
      const requested = normalizePath(requireString(b, 'path'));
      const format = optionalString(b, 'format') ?? 'SOURCE';
      if (!IMPORT_FORMATS.includes(format))
        throw badRequest(`Invalid import format ${format}: expected one of ${IMPORT_FORMATS.join(', ')}.`);
      if (format !== 'SOURCE' && format !== 'AUTO' && format !== 'RAW')
        throw new ApiError(
          501,
          'NOT_IMPLEMENTED',
          `Import format ${format} is not available in this simulated workspace; use SOURCE, AUTO or RAW.`,
        );
      const overwrite = optionalBool(b, 'overwrite') ?? false;
      const language = optionalString(b, 'language');
      if (language !== undefined && !LANGUAGES.includes(language)) throw badRequest(`Invalid language ${language}.`);
      const encoded = (optionalString(b, 'content') ?? '').replace(/\s/g, '');
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded)) throw badRequest('content must be base64-encoded.', 'MALFORMED_REQUEST');
      const bytes = Buffer.from(encoded, 'base64');
      if (bytes.length > MAX_EXPORT_BYTES)
        throw new ApiError(
          400,
          'MAX_NOTEBOOK_SIZE_EXCEEDED',
          `File size imported is (${bytes.length} bytes), exceeded max size (${MAX_EXPORT_BYTES} bytes)`,
        );
      const { path, type, lang, data } = classify(requested, format, language as Language | undefined, bytes);
      if (type === 'FILE') Object.assign(ev, { service: 'workspace', action: 'fileCreate' });
      ev.params = { path };
      const tree = await ctx.tree();
      await tree.exclusive(async () => {
        const view = await ctx.view(req);
        const parentPath = parentOf(path) as string;
        const parent = tree.get(parentPath);
        if (!parent || (parent.type !== 'DIRECTORY' && parent.type !== 'REPO'))
          throw notFound(`The parent folder (${parentPath}) does not exist.`);
        view.find(parentPath);
        const existing = tree.get(path);
        const now = Date.now();
        let row: WsRow;
        if (existing) {
          if (!overwrite) throw badRequest(`Path (${path}) already exists.`, 'RESOURCE_ALREADY_EXISTS');
          if (existing.type !== type)
            throw badRequest(`Path (${path}) already exists and is a ${existing.type.toLowerCase()}.`, 'RESOURCE_ALREADY_EXISTS');
          view.require(existing, EDIT);
          // modified_at always moves forward, even for two imports within one millisecond.
          row = {
            ...existing,
            language: lang,
            modifiedAt: Math.max(now, (existing.modifiedAt ?? 0) + 1),
            spec: null,
            size: type === 'FILE' ? data.length : null,
            content: data,
          };
        } else {
          view.require(parent, EDIT);
          row = {
            ...blank(tree, path, type, req),
            language: lang,
            createdAt: now,
            modifiedAt: now,
            size: type === 'FILE' ? data.length : null,
            content: data,
          };
        }
        await tree.put([row]);
        if (!existing) await grantCreator(ctx, view, row, req);
        ctx.access.invalidate();
        ev.params = { path, ...(type === 'NOTEBOOK' ? { notebookId: String(row.id) } : {}) };
      });
    });
  };

  const deleteHandler = async (req: RestRequest) => {
    const b = asObject(req.body);
    const ev: AuditEvent = { service: 'notebook', action: 'deleteNotebook', params: { path: String(b.path ?? '') } };
    return audited(req, ev, async () => {
      const path = normalizePath(requireString(b, 'path'));
      const recursive = optionalBool(b, 'recursive') ?? false;
      const tree = await ctx.tree();
      await tree.exclusive(async () => {
        const view = await ctx.view(req);
        const node = view.find(path);
        Object.assign(ev, deleteEvent(node));
        if (TOP_FOLDERS.has(path) || /^\/Users\/[^/]+$/.test(path))
          throw badRequest(`Folder (${path}) is protected and cannot be deleted.`, 'DIRECTORY_PROTECTED');
        view.require(node, EDIT);
        if (tree.children(path).length && !recursive) throw badRequest(`Folder (${path}) is not empty`, 'DIRECTORY_NOT_EMPTY');
        const nodes = tree.subtree(path);
        await tree.remove(nodes);
        for (let i = 0; i < nodes.length; i += 500) {
          const ids = nodes.slice(i, i + 500).map((n) => String(n.id));
          await ctx.db.run(
            `DELETE FROM ws.acls WHERE object_type IN (${ACL_TYPES.map(() => '?').join(', ')}) AND object_id IN (${ids.map(() => '?').join(', ')})`,
            [...ACL_TYPES, ...ids],
          );
        }
        ctx.access.invalidate();
      });
    });
  };

  const mkdirsHandler = async (req: RestRequest) => {
    const b = asObject(req.body);
    const ev: AuditEvent = { service: 'notebook', action: 'createFolder', params: { path: String(b.path ?? '') } };
    return audited(req, ev, async () => {
      const path = normalizePath(requireString(b, 'path'));
      ev.params = { path };
      const tree = await ctx.tree();
      await tree.exclusive(async () => {
        const view = await ctx.view(req);
        const missing: string[] = [];
        let p: string | null = path;
        for (; p !== null && !tree.get(p); p = parentOf(p)) missing.unshift(p);
        const deepest = tree.get(p ?? '/') as WsNode;
        if (deepest.type !== 'DIRECTORY' && deepest.type !== 'REPO')
          throw badRequest(`Path (${deepest.path}) already exists and is not a directory.`, 'RESOURCE_ALREADY_EXISTS');
        if (!missing.length) return;
        view.find(deepest.path);
        view.require(deepest, EDIT);
        const rows = missing.map((m) => blank(tree, m, 'DIRECTORY', req));
        await tree.put(rows);
        await grantCreator(ctx, view, rows[0] as WsRow, req);
        ctx.access.invalidate();
      });
    });
  };

  return [
    { method: 'POST', path: '/api/2.0/workspace/import', handler: importHandler },
    { method: 'POST', path: '/api/2.0/workspace/delete', handler: deleteHandler },
    { method: 'POST', path: '/api/2.0/workspace/mkdirs', handler: mkdirsHandler },
  ];
}

/** What an import becomes: a notebook (header added, extension dropped under AUTO) or a workspace file. */
function classify(path: string, format: string, language: Language | undefined, bytes: Buffer) {
  const text = bytes.toString('utf8');
  const ext = /\.([A-Za-z]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  if (format === 'RAW' || (format === 'AUTO' && !HEADER.test(text))) return { path, type: 'FILE' as const, lang: null, data: bytes };
  if (format === 'SOURCE' && !language) throw badRequest('The language field is required to import a notebook in SOURCE format.');
  const marker = HEADER.exec(text)?.[1];
  const lang: Language = language ?? (marker === '--' ? 'SQL' : marker === '//' ? 'SCALA' : ext === 'r' ? 'R' : 'PYTHON');
  const target = format === 'AUTO' && EXTENSIONS[ext] ? path.slice(0, -(ext.length + 1)) : path;
  const withHeader = HEADER.test(text) ? text : `${COMMENT[lang]} Databricks notebook source\n${text}`;
  return { path: target, type: 'NOTEBOOK' as const, lang, data: Buffer.from(withHeader, 'utf8') };
}

export function blank(tree: WorkspaceObjects, path: string, type: WsRow['type'], req: RestRequest): WsRow {
  let id: number;
  do id = randomInt(1_000, 4_500) * 1_000_000_000_000 + randomInt(0, 1_000_000_000_000);
  while (tree.getById(id));
  return {
    id,
    path,
    type,
    language: null,
    createdAt: null,
    modifiedAt: null,
    creator: req.principal.name,
    spec: null,
    size: null,
    repo: null,
    content: null,
  };
}

async function grantCreator(ctx: WorkspaceContext, view: AccessView, row: WsRow, req: RestRequest): Promise<void> {
  if (view.level(row) >= MANAGE) return;
  const kind = req.principal.kind === 'service_principal' ? 'service_principal' : 'user';
  await ctx.acls.merge(aclTypeOf(row), String(row.id), [
    { principalKind: kind, principalName: req.principal.name, permissionLevel: 'CAN_MANAGE' },
  ]);
}

function deleteEvent(node: WsNode): AuditEvent {
  const name = node.path.slice(node.path.lastIndexOf('/') + 1);
  if (node.type === 'NOTEBOOK')
    return { service: 'notebook', action: 'deleteNotebook', params: { notebookId: String(node.id), notebookName: name, path: node.path } };
  if (node.type === 'REPO') return { service: 'repos', action: 'deleteRepo', params: { id: String(node.id), path: node.path } };
  if (node.type === 'FILE' || node.type === 'LIBRARY') return { service: 'workspace', action: 'fileDelete', params: { path: node.path } };
  return { service: 'notebook', action: 'deleteFolder', params: { path: node.path } };
}
