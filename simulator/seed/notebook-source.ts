// Notebook SOURCE format as Databricks exports it: a "Databricks notebook source" header, cells separated by
// "COMMAND ----------" lines, magic cells (%md, %sql, %sh, %run…) as "MAGIC" comment lines and cell titles as
// "DBTITLE 1,<title>", all behind the language's line comment (# for Python and R, -- for SQL, // for Scala).
import type { Language } from '../store/workspace-objects';

/** What a line of a cell holds, for the test-facing description of planted credentials and near-misses. */
export interface CellMark {
  /** Index into the cell's lines. */
  at: number;
  kind: string;
  /** 'positive': a real-looking credential; 'near-miss': looks like one but must not be reported. */
  category: 'positive' | 'near-miss';
  /** Where it sits ('string', 'comment', 'spark-conf', 'jdbc-url', 'magic', 'key-block') or why it is a near-miss. */
  note: string;
  /** The planted value (fake), for tests that check it never leaks. */
  value?: string;
}

export interface Cell {
  /** A code cell in the notebook's language, or a magic cell whose first line is the magic (%md, %sh …). */
  magic?: boolean;
  title?: string;
  lines: string[];
  marks?: CellMark[];
}

export interface NotebookMark extends Omit<CellMark, 'at'> {
  /** 1-based line number in the exported SOURCE. */
  line: number;
}

export const COMMENT: Record<Language, string> = { PYTHON: '#', R: '#', SQL: '--', SCALA: '//' };
export const FILE_TYPE: Record<Language, string> = { PYTHON: 'py', R: 'r', SQL: 'sql', SCALA: 'scala' };

export function renderSource(language: Language, cells: Cell[]): { text: string; marks: NotebookMark[] } {
  const c = COMMENT[language];
  const out = [`${c} Databricks notebook source`];
  const marks: NotebookMark[] = [];
  cells.forEach((cell, i) => {
    if (i > 0) out.push('', `${c} COMMAND ----------`, '');
    if (cell.title) out.push(`${c} DBTITLE 1,${cell.title}`);
    const first = out.length + 1;
    for (const line of cell.lines) out.push(cell.magic ? (line ? `${c} MAGIC ${line}` : `${c} MAGIC`) : line);
    for (const { at, ...m } of cell.marks ?? []) marks.push({ ...m, line: first + at });
  });
  // Databricks ends a SOURCE export without a trailing newline.
  return { text: out.join('\n'), marks };
}

/** A markdown cell. */
export const md = (...lines: string[]): Cell => ({ magic: true, lines: ['%md', ...lines] });
export const code = (lines: string[], title?: string, marks?: CellMark[]): Cell => ({ lines, title, marks });
