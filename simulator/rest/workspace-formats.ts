// Bytes of workspace objects in the export formats the simulator models: SOURCE (and AUTO) for notebooks and
// files, JUPYTER (.ipynb) for notebooks, and a zip of sources for folders.
import { crc32 } from 'node:zlib';
import { COMMENT } from '../seed/notebook-source';
import { fileContent, notebookSource } from '../seed/notebook-content';
import type { Language, WorkspaceObjects, WsNode } from '../store/workspace-objects';

/** A seeded object's bytes come from its spec, an imported one's from the store. */
export async function bytesOf(tree: WorkspaceObjects, node: WsNode): Promise<Buffer> {
  if (node.spec !== null) {
    const spec = JSON.parse(node.spec) as { file?: string };
    return Buffer.from(spec.file !== undefined ? fileContent(spec.file) : notebookSource(node.spec, node.path).text, 'utf8');
  }
  return Buffer.from((await tree.content(node)) ?? new Uint8Array());
}

export const extensionOf = (name: string) => (/\.([A-Za-z0-9]+)$/.exec(name)?.[1] ?? '').toLowerCase();

/** The notebook's cells back from SOURCE: [markdown?, lines]. */
export function parseSource(text: string, language: Language): Array<{ markdown: boolean; lines: string[] }> {
  const c = COMMENT[language];
  const body = text.replace(new RegExp(`^${escape(c)} Databricks notebook source\\n?`), '');
  return body.split(new RegExp(`\\n\\n${escape(c)} COMMAND -{10}\\n\\n`)).map((cell) => {
    const lines = cell.split('\n').filter((l) => !l.startsWith(`${c} DBTITLE `));
    const magic = lines.length > 0 && lines.every((l) => l === `${c} MAGIC` || l.startsWith(`${c} MAGIC `));
    if (!magic) return { markdown: false, lines };
    const stripped = lines.map((l) => l.slice(`${c} MAGIC `.length));
    const markdown = stripped[0]?.trim().startsWith('%md') ?? false;
    return {
      markdown,
      lines: markdown ? [stripped[0]?.trim().slice(3).trim() ?? '', ...stripped.slice(1)].filter((l, i) => i > 0 || l) : stripped,
    };
  });
}

const escape = (s: string) => s.replace(/[/.*+?^${}()|[\]\\-]/g, '\\$&');

export function toJupyter(text: string, language: Language, name: string): Buffer {
  const cells = parseSource(text, language).map(({ markdown, lines }) => ({
    cell_type: markdown ? 'markdown' : 'code',
    ...(markdown ? {} : { execution_count: 0, outputs: [] }),
    metadata: { 'application/vnd.databricks.v1+cell': { title: '', showTitle: false, inputWidgets: {} } },
    source: lines.map((l, i) => (i < lines.length - 1 ? `${l}\n` : l)),
  }));
  const lang = language.toLowerCase();
  const nb = {
    cells,
    metadata: {
      'application/vnd.databricks.v1+notebook': { language: lang, notebookName: name, dashboards: [], widgets: {} },
      language_info: { name: lang },
    },
    nbformat: 4,
    nbformat_minor: 0,
  };
  return Buffer.from(JSON.stringify(nb, null, 1), 'utf8');
}

/** A stored (uncompressed) zip archive: what a folder export in SOURCE format downloads. */
export function zip(entries: Array<{ name: string; data: Buffer; modifiedAt: number | null }>): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const crc = crc32(e.data);
    const [time, date] = dosTime(e.modifiedAt ?? Date.UTC(2020, 0, 1));
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6);
    head.writeUInt16LE(0, 8);
    head.writeUInt16LE(time, 10);
    head.writeUInt16LE(date, 12);
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(e.data.length, 18);
    head.writeUInt32LE(e.data.length, 22);
    head.writeUInt16LE(name.length, 26);
    head.writeUInt16LE(0, 28);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    head.copy(dir, 8, 6, 30);
    dir.writeUInt32LE(offset, 42);
    local.push(head, name, e.data);
    central.push(dir, name);
    offset += head.length + name.length + e.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, cd, end]);
}

function dosTime(ms: number): [number, number] {
  const d = new Date(ms);
  const time = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2);
  const date = ((Math.max(1980, d.getUTCFullYear()) - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
  return [time, date];
}
