import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plantedNotebookSecrets } from '../seed/notebook-secrets';
import { HUGE_NOTEBOOK, PIPELINES_REPO } from '../seed/notebooks-fixed';
import { personas, startHarness, type Harness } from '../testing/harness';

interface ObjectInfo {
  object_type: string;
  path: string;
  language?: string;
  object_id: number;
  resource_id: string;
  created_at?: number;
  modified_at?: number;
  size?: number;
}
interface Listing {
  objects?: ObjectInfo[];
}
interface Exported {
  content: string;
  file_type?: string;
}

let h: Harness;
const p = () => personas(h);
const q = (path: string) => encodeURIComponent(path);
const list = (token: string, path: string) => h.call<Listing>(token, 'GET', `/api/2.0/workspace/list?path=${q(path)}`);
const status = (token: string, path: string) => h.call<ObjectInfo>(token, 'GET', `/api/2.0/workspace/get-status?path=${q(path)}`);
const exportOf = (token: string, path: string, format = 'SOURCE') =>
  h.call<Exported>(token, 'GET', `/api/2.0/workspace/export?path=${q(path)}&format=${format}`);
const text = (e: Exported) => Buffer.from(e.content, 'base64').toString('utf8');
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('workspace list and get-status', () => {
  it('lists folders with Databricks object fields, Git folders as REPO', async () => {
    const root = await list(h.admin, '/');
    expect(root.status).toBe(200);
    expect(root.json.objects?.map((o) => o.path)).toEqual(['/Repos', '/Shared', '/Users']);
    for (const o of root.json.objects ?? []) {
      expect(o).toMatchObject({ object_type: 'DIRECTORY', resource_id: String(o.object_id) });
      expect(Number.isSafeInteger(o.object_id)).toBe(true);
    }
    const repos = await list(h.admin, '/Repos/data-platform');
    expect(repos.json.objects?.map((o) => [o.path, o.object_type])).toEqual([
      ['/Repos/data-platform/integrations', 'REPO'],
      [PIPELINES_REPO, 'REPO'],
    ]);
    const files = await list(h.admin, PIPELINES_REPO);
    expect(files.json.objects?.find((o) => o.path.endsWith('README.md'))).toMatchObject({ object_type: 'FILE', size: expect.any(Number) });
    const libs = await list(h.admin, '/Shared/libraries');
    expect(libs.json.objects?.every((o) => o.object_type === 'LIBRARY')).toBe(true);
  });

  it('gives notebooks a language and millisecond times, and folders neither', async () => {
    const nb = await status(h.admin, `${PIPELINES_REPO}/claims-ingest/extract`);
    expect(nb.json).toMatchObject({ object_type: 'NOTEBOOK', language: 'PYTHON', path: `${PIPELINES_REPO}/claims-ingest/extract` });
    expect(nb.json.created_at).toBeLessThanOrEqual(nb.json.modified_at as number);
    expect(nb.json.modified_at).toBeLessThan(Date.now());
    expect(nb.json.created_at).toBeGreaterThan(Date.UTC(2015, 0, 1));
    const dir = await status(h.admin, '/Shared/finance');
    expect(dir.json).toEqual({
      object_type: 'DIRECTORY',
      path: '/Shared/finance',
      object_id: dir.json.object_id,
      resource_id: String(dir.json.object_id),
    });
    // A non-folder path lists itself; /Workspace/… is the same path.
    expect((await list(h.admin, `/Workspace${PIPELINES_REPO}/claims-ingest/extract`)).json.objects).toEqual([nb.json]);
  });

  it('answers unknown paths and bad parameters with Databricks errors', async () => {
    for (const call of [list, status, exportOf]) {
      const res = await call(h.admin, '/Shared/nope');
      expect(res.status).toBe(404);
      expect(res.json).toMatchObject({ error_code: 'RESOURCE_DOES_NOT_EXIST', message: "Path (/Shared/nope) doesn't exist." });
    }
    expect((await h.call(h.admin, 'GET', '/api/2.0/workspace/list')).json).toMatchObject({ error_code: 'INVALID_PARAMETER_VALUE' });
    expect((await list(h.admin, 'Shared')).status).toBe(400);
    expect((await exportOf(h.admin, '/Shared/training/sql_basics', 'PDF')).json).toMatchObject({ error_code: 'INVALID_PARAMETER_VALUE' });
  });

  it('filters notebooks by notebooks_modified_after', async () => {
    const all = (await list(h.admin, '/Shared/training')).json.objects ?? [];
    const newest = Math.max(...all.filter((o) => o.object_type === 'NOTEBOOK').map((o) => o.modified_at ?? 0));
    const after = (
      await h.call<Listing>(h.admin, 'GET', `/api/2.0/workspace/list?path=/Shared/training&notebooks_modified_after=${newest - 1}`)
    ).json;
    expect(after.objects?.filter((o) => o.object_type === 'NOTEBOOK').map((o) => o.modified_at)).toEqual([newest]);
  });
});

describe('workspace export', () => {
  it('returns SOURCE as base64 with the language file type, the same bytes every time', async () => {
    const py = await exportOf(h.admin, `${PIPELINES_REPO}/claims-ingest/extract`);
    expect(py.json.file_type).toBe('py');
    expect(text(py.json)).toMatch(/^# Databricks notebook source\n/);
    expect(text(py.json)).toContain('\n\n# COMMAND ----------\n\n');
    expect(text(py.json)).toContain('# MAGIC %md');
    expect((await exportOf(h.admin, `${PIPELINES_REPO}/claims-ingest/extract`)).json).toEqual(py.json);
    const sql = await exportOf(h.admin, `${PIPELINES_REPO}/broker-commissions/transform`);
    expect(sql.json.file_type).toBe('sql');
    expect(text(sql.json)).toMatch(/^-- Databricks notebook source\n[\s\S]*\n-- COMMAND ----------\n/);
    const scala = await exportOf(h.admin, '/Shared/finance/month_end/gl_snapshot_loader');
    expect(scala.json.file_type).toBe('scala');
    expect(text(scala.json)).toMatch(/^\/\/ Databricks notebook source\n[\s\S]*\/\/ MAGIC %md/);
  });

  it('serves every planted credential and near-miss on the line the test-facing description gives', async () => {
    const { positives, nearMisses } = plantedNotebookSecrets('demo', 42);
    expect(new Set(positives.map((x) => x.kind))).toEqual(
      new Set([
        'databricks-token',
        'aws-access-key-id',
        'aws-secret-access-key',
        'azure-storage-account-key',
        'jdbc-password',
        'private-key',
        'slack-webhook',
        'password',
      ]),
    );
    expect(new Set(positives.map((x) => x.placement))).toEqual(
      new Set(['string', 'comment', 'spark-conf', 'jdbc-url', 'magic', 'key-block']),
    );
    for (const x of positives) {
      const lines = text((await exportOf(h.admin, x.path)).json).split('\n');
      expect(lines[x.line - 1], `${x.path}:${x.line}`).toContain(x.value.split('\n')[0]);
    }
    for (const x of nearMisses) {
      const res = await exportOf(h.admin, x.path, x.objectType === 'FILE' ? 'AUTO' : 'SOURCE');
      expect(text(res.json).split('\n')[x.line - 1], `${x.path}:${x.line}`).toMatch(/\S/);
    }
  });

  it('refuses exports over 10 MB with MAX_NOTEBOOK_SIZE_EXCEEDED', async () => {
    const res = await exportOf(h.admin, HUGE_NOTEBOOK);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error_code: 'MAX_NOTEBOOK_SIZE_EXCEEDED', message: expect.stringMatching(/> 10485760$/) });
  });

  it('exports JUPYTER, files, folders as a zip of sources, and refuses libraries', async () => {
    const ipynb = await exportOf(h.admin, `${PIPELINES_REPO}/claims-ingest/extract`, 'JUPYTER');
    expect(ipynb.json.file_type).toBe('ipynb');
    const nb = JSON.parse(text(ipynb.json)) as { nbformat: number; cells: Array<{ cell_type: string }> };
    expect(nb.nbformat).toBe(4);
    expect(nb.cells[0]?.cell_type).toBe('markdown');
    const readme = await exportOf(h.admin, `${PIPELINES_REPO}/README.md`, 'AUTO');
    expect(readme.json.file_type).toBe('md');
    expect(text(readme.json)).toMatch(/^# Harbor & Pine/);
    const folder = await exportOf(h.admin, '/Shared/training');
    expect(folder.json.file_type).toBe('zip');
    const zip = Buffer.from(folder.json.content, 'base64');
    expect(zip.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    expect(zip.toString('latin1')).toContain('training/s3_access_patterns.py');
    expect((await exportOf(h.admin, '/Shared/libraries/snowflake-jdbc-3.13.30')).status).toBe(400);
  });
});

describe('workspace import, mkdirs and delete', () => {
  const dir = `/Users/alex.morgan@harborpine.com/int-test`;

  it('creates folders, imports a notebook and round-trips its content; overwrite moves modified_at', async () => {
    expect((await h.call(h.admin, 'POST', '/api/2.0/workspace/mkdirs', { path: `${dir}/a/b` })).json).toEqual({});
    expect((await h.call(h.admin, 'POST', '/api/2.0/workspace/mkdirs', { path: `${dir}/a/b` })).status).toBe(200);
    const path = `${dir}/a/b/report`;
    const body = { path, format: 'SOURCE', language: 'SQL', content: b64('SELECT 1') };
    expect((await h.call(h.admin, 'POST', '/api/2.0/workspace/import', body)).json).toEqual({});
    const first = (await status(h.admin, path)).json;
    expect(first).toMatchObject({ object_type: 'NOTEBOOK', language: 'SQL' });
    expect(text((await exportOf(h.admin, path)).json)).toBe('-- Databricks notebook source\nSELECT 1');
    const again = await h.call(h.admin, 'POST', '/api/2.0/workspace/import', body);
    expect(again).toMatchObject({ status: 400, json: { error_code: 'RESOURCE_ALREADY_EXISTS' } });
    await h.call(h.admin, 'POST', '/api/2.0/workspace/import', { ...body, content: b64('SELECT 2'), overwrite: true });
    const second = (await status(h.admin, path)).json;
    expect(second.object_id).toBe(first.object_id);
    expect(second.created_at).toBe(first.created_at);
    expect(second.modified_at).toBeGreaterThan(first.modified_at as number);
    expect(text((await exportOf(h.admin, path)).json)).toBe('-- Databricks notebook source\nSELECT 2');
    // Untouched notebooks keep their times.
    const seeded = (await status(h.admin, `${PIPELINES_REPO}/claims-ingest/extract`)).json;
    expect(seeded.modified_at).toBe((await status(h.admin, `${PIPELINES_REPO}/claims-ingest/extract`)).json.modified_at);
  });

  it('imports AUTO as a notebook (extension dropped) or a file, and checks parents, formats and size', async () => {
    const nb = { path: `${dir}/job.py`, format: 'AUTO', content: b64('# Databricks notebook source\nprint(1)') };
    expect((await h.call(h.admin, 'POST', '/api/2.0/workspace/import', nb)).status).toBe(200);
    expect((await status(h.admin, `${dir}/job`)).json).toMatchObject({ object_type: 'NOTEBOOK', language: 'PYTHON' });
    await h.call(h.admin, 'POST', '/api/2.0/workspace/import', { path: `${dir}/notes.txt`, format: 'AUTO', content: b64('hello') });
    expect((await status(h.admin, `${dir}/notes.txt`)).json).toMatchObject({ object_type: 'FILE', size: 5 });
    const orphan = await h.call(h.admin, 'POST', '/api/2.0/workspace/import', { path: `${dir}/x/y/z`, language: 'PYTHON', content: '' });
    expect(orphan).toMatchObject({ status: 404, json: { error_code: 'RESOURCE_DOES_NOT_EXIST' } });
    const noLang = await h.call(h.admin, 'POST', '/api/2.0/workspace/import', { path: `${dir}/nolang`, content: b64('x') });
    expect(noLang).toMatchObject({ status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE' } });
    const notBase64 = await h.call(h.admin, 'POST', '/api/2.0/workspace/import', {
      path: `${dir}/bad`,
      language: 'PYTHON',
      content: '%%%',
    });
    expect(notBase64.status).toBe(400);
    const mkdirOverNotebook = await h.call(h.admin, 'POST', '/api/2.0/workspace/mkdirs', { path: `${dir}/job/sub` });
    expect(mkdirOverNotebook).toMatchObject({ status: 400, json: { error_code: 'RESOURCE_ALREADY_EXISTS' } });
  });

  it('deletes objects, refuses non-empty folders without recursive and protected folders', async () => {
    const notEmpty = await h.call(h.admin, 'POST', '/api/2.0/workspace/delete', { path: `${dir}/a` });
    expect(notEmpty).toMatchObject({ status: 400, json: { error_code: 'DIRECTORY_NOT_EMPTY' } });
    expect((await h.call(h.admin, 'POST', '/api/2.0/workspace/delete', { path: `${dir}/a`, recursive: true })).json).toEqual({});
    expect((await status(h.admin, `${dir}/a/b/report`)).status).toBe(404);
    expect((await h.call(h.admin, 'POST', '/api/2.0/workspace/delete', { path: `${dir}/job` })).status).toBe(200);
    const home = await h.call(h.admin, 'POST', '/api/2.0/workspace/delete', { path: `/Users/${p().noRole.userName}`, recursive: true });
    expect(home).toMatchObject({ status: 400, json: { error_code: 'DIRECTORY_PROTECTED' } });
    expect((await h.call(h.admin, 'POST', '/api/2.0/workspace/delete', { path: '/Shared/nope' })).status).toBe(404);
  });
});
