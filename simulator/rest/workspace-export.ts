// GET /api/2.0/workspace/export: {"content": <base64>, "file_type": "py"} for a notebook in SOURCE format.
// Over Databricks' 10 MB limit (10,485,760 bytes of exported data) it answers MAX_NOTEBOOK_SIZE_EXCEEDED.
// Audited as workspace.workspaceExport, as Databricks does, success or failure.
import { ApiError, type RestRequest } from '../core/contract';
import { badRequest } from '../http/errors';
import { requireQuery } from '../http/fields';
import { RawJson } from '../http/io';
import type { WsRoute } from '../http/types';
import { FILE_TYPE } from '../seed/notebook-source';
import type { WorkspaceContext } from './workspace';
import { normalizePath, READ } from './workspace-access';
import { bytesOf, extensionOf, toJupyter, zip } from './workspace-formats';

export const MAX_EXPORT_BYTES = 10 * 1024 * 1024;
const FORMATS = ['SOURCE', 'HTML', 'JUPYTER', 'DBC', 'R_MARKDOWN', 'AUTO', 'RAW'];
/** Formats Databricks has that the simulator does not render. */
const NOT_MODELLED = new Set(['HTML', 'DBC', 'R_MARKDOWN']);

export function workspaceExportRoutes(ctx: WorkspaceContext): WsRoute[] {
  const handler = async (req: RestRequest) => {
    const path = normalizePath(requireQuery(req.query, 'path'));
    const format = req.query.get('format') ?? 'SOURCE';
    if (!FORMATS.includes(format)) throw badRequest(`Invalid export format ${format}: expected one of ${FORMATS.join(', ')}.`);
    const tree = await ctx.tree();
    const view = await ctx.view(req);
    const node = view.find(path);
    if (node.type !== 'DIRECTORY' && node.type !== 'REPO') view.require(node, READ);
    if (NOT_MODELLED.has(format))
      throw new ApiError(
        501,
        'NOT_IMPLEMENTED',
        `Export format ${format} is not available in this simulated workspace; use SOURCE, JUPYTER or AUTO.`,
      );

    let data: Buffer;
    let fileType: string;
    if (node.type === 'LIBRARY') throw badRequest(`${path} is a library: exporting libraries is not supported.`);
    if (node.type === 'DIRECTORY' || node.type === 'REPO') {
      if (format !== 'SOURCE' && format !== 'AUTO')
        throw badRequest(`Exporting a directory is only supported for the DBC, SOURCE and AUTO formats, not ${format}.`);
      const entries = [];
      const base = path === '/' ? '' : path;
      const top = path === '/' ? 'workspace' : path.slice(path.lastIndexOf('/') + 1);
      let total = 0;
      for (const n of tree.subtree(path)) {
        // SOURCE archives hold notebooks only; AUTO also workspace files. Only what the caller may read goes in.
        if (!(n.type === 'NOTEBOOK' || (format === 'AUTO' && n.type === 'FILE')) || view.level(n) < READ) continue;
        const rel = `${top}/${n.path.slice(base.length + 1)}`;
        const bytes = await bytesOf(tree, n);
        entries.push({
          name: n.type === 'NOTEBOOK' ? `${rel}.${FILE_TYPE[n.language ?? 'PYTHON']}` : rel,
          data: bytes,
          modifiedAt: n.modifiedAt,
        });
        total += bytes.length;
        if (total > MAX_EXPORT_BYTES) throw tooLarge(total);
      }
      data = zip(entries);
      fileType = 'zip';
    } else if (node.type === 'FILE') {
      if (format === 'JUPYTER') throw badRequest(`${path} is a file: JUPYTER applies to notebooks only.`);
      data = await bytesOf(tree, node);
      fileType = extensionOf(node.path);
    } else {
      if (format === 'RAW') throw badRequest(`${path} is a notebook: RAW applies to files only; use SOURCE or JUPYTER.`);
      const source = await bytesOf(tree, node);
      const language = node.language ?? 'PYTHON';
      data = format === 'JUPYTER' ? toJupyter(source.toString('utf8'), language, path.slice(path.lastIndexOf('/') + 1)) : source;
      fileType = format === 'JUPYTER' ? 'ipynb' : FILE_TYPE[language];
    }
    if (data.length > MAX_EXPORT_BYTES) throw tooLarge(data.length);
    if (req.query.get('direct_download') === 'true' && (node.type === 'NOTEBOOK' || node.type === 'FILE')) {
      // The file itself instead of JSON (text objects only here).
      return { body: new RawJson(data.toString('utf8')), headers: { 'Content-Type': 'application/octet-stream' } };
    }
    return { body: { content: data.toString('base64'), ...(fileType ? { file_type: fileType } : {}) } };
  };
  return [
    {
      method: 'GET',
      path: '/api/2.0/workspace/export',
      handler,
      audit: {
        service: 'workspace',
        action: 'workspaceExport',
        params: (req) => ({
          workspaceExportFormat: req.query.get('format') ?? 'SOURCE',
          notebookFullPath: req.query.get('path') ?? '',
          workspaceExportDirectDownload: String(req.query.get('direct_download') === 'true'),
        }),
      },
    },
  ];
}

export const tooLarge = (bytes: number) =>
  new ApiError(400, 'MAX_NOTEBOOK_SIZE_EXCEEDED', `Notebook size exceeded limit: ${bytes} > ${MAX_EXPORT_BYTES}`);
