// How well sensitive data is protected: masked columns ÷ sensitive columns, and tables with a row filter ÷ tables
// holding sensitive columns, per catalog and overall. Pure.

export interface CoverageInput {
  /** catalog.schema.table */
  table: string;
  masked: boolean;
  filtered: boolean;
}

export interface CoverageFigures {
  sensitive: number;
  masked: number;
  /** masked ÷ sensitive; 1 when nothing is sensitive (nothing left unprotected). */
  ratio: number;
  tables: number;
  filteredTables: number;
  filteredRatio: number;
}

export interface Coverage extends CoverageFigures {
  byCatalog: Array<{ catalog: string } & CoverageFigures>;
}

function figures(columns: readonly CoverageInput[]): CoverageFigures {
  const tables = new Map<string, boolean>();
  for (const c of columns) tables.set(c.table.toLowerCase(), c.filtered);
  const masked = columns.filter((c) => c.masked).length;
  const filteredTables = [...tables.values()].filter(Boolean).length;
  return {
    sensitive: columns.length,
    masked,
    ratio: columns.length ? masked / columns.length : 1,
    tables: tables.size,
    filteredTables,
    filteredRatio: tables.size ? filteredTables / tables.size : 1,
  };
}

export function coverageOf(columns: readonly CoverageInput[]): Coverage {
  const byCatalog = new Map<string, CoverageInput[]>();
  for (const c of columns) {
    const catalog = c.table.split('.')[0]!;
    byCatalog.set(catalog, [...(byCatalog.get(catalog) ?? []), c]);
  }
  return {
    ...figures(columns),
    byCatalog: [...byCatalog.entries()]
      .map(([catalog, cs]) => ({ catalog, ...figures(cs) }))
      // The least protected first: that is where to look.
      .sort((a, b) => a.ratio - b.ratio || b.sensitive - a.sensitive || a.catalog.localeCompare(b.catalog)),
  };
}
