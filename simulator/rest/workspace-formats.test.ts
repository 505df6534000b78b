import { describe, expect, it } from 'vitest';
import { code, md, renderSource } from '../seed/notebook-source';
import { parseSource, toJupyter, zip } from './workspace-formats';
import { normalizePath } from './workspace-access';

describe('notebook SOURCE format', () => {
  it('renders cells with the language comment, MAGIC lines and titles, and parses them back', () => {
    const { text, marks } = renderSource('SQL', [
      md('# Title', '', 'Text'),
      code(['SELECT 1'], 'First', [{ at: 0, kind: 'k', category: 'positive', note: 'string', value: 'v' }]),
    ]);
    expect(text).toBe(
      [
        '-- Databricks notebook source',
        '-- MAGIC %md',
        '-- MAGIC # Title',
        '-- MAGIC',
        '-- MAGIC Text',
        '',
        '-- COMMAND ----------',
        '',
        '-- DBTITLE 1,First',
        'SELECT 1',
      ].join('\n'),
    );
    expect(marks).toEqual([{ line: 10, kind: 'k', category: 'positive', note: 'string', value: 'v' }]);
    expect(parseSource(text, 'SQL')).toEqual([
      { markdown: true, lines: ['# Title', '', 'Text'] },
      { markdown: false, lines: ['SELECT 1'] },
    ]);
  });

  it('exports Jupyter notebooks as nbformat 4', () => {
    const { text } = renderSource('PYTHON', [md('# Hi'), code(['x = 1', 'print(x)'])]);
    const nb = JSON.parse(toJupyter(text, 'PYTHON', 'demo').toString('utf8')) as {
      nbformat: number;
      cells: Array<{ cell_type: string; source: string[] }>;
    };
    expect(nb.nbformat).toBe(4);
    expect(nb.cells.map((c) => [c.cell_type, c.source])).toEqual([
      ['markdown', ['# Hi']],
      ['code', ['x = 1\n', 'print(x)']],
    ]);
  });
});

describe('folder archives', () => {
  it('writes a zip whose central directory names every entry', () => {
    const data = zip([
      { name: 'dir/a.py', data: Buffer.from('print(1)'), modifiedAt: Date.UTC(2024, 5, 1) },
      { name: 'dir/b.sql', data: Buffer.from('SELECT 1'), modifiedAt: null },
    ]);
    const end = data.subarray(data.length - 22);
    expect(end.readUInt32LE(0)).toBe(0x06054b50);
    expect(end.readUInt16LE(10)).toBe(2);
    const cd = data.subarray(end.readUInt32LE(16), end.readUInt32LE(16) + end.readUInt32LE(12));
    expect(cd.toString('latin1')).toContain('dir/a.py');
    expect(cd.readUInt32LE(0)).toBe(0x02014b50);
    // The local header of the first entry carries the same CRC as its central record.
    expect(data.readUInt32LE(14)).toBe(cd.readUInt32LE(16));
  });
});

describe('workspace paths', () => {
  it('accepts absolute paths and the /Workspace prefix, and refuses relative or dotted ones', () => {
    expect(normalizePath('/Users/a@x.com/nb')).toBe('/Users/a@x.com/nb');
    expect(normalizePath('/Workspace/Shared/x/')).toBe('/Shared/x');
    expect(normalizePath('/Workspace')).toBe('/');
    expect(() => normalizePath('Shared/x')).toThrow();
    expect(() => normalizePath('/Shared/../Users')).toThrow();
  });
});
