// Unity Catalog names ↔ DuckDB names. DuckDB reserves some catalog names (`system`, `main`, `temp`, `memory`)
// and the simulator's own database name; such UC catalogs live in DuckDB as `dbx_<name>`.

export const INFO_SCHEMA_DUCK = 'uc_information_schema';

const ALWAYS_RESERVED = ['system', 'main', 'temp', 'memory'];

export class CatalogNames {
  private readonly reserved: Set<string>;

  constructor(readonly mainDb: string) {
    this.reserved = new Set([...ALWAYS_RESERVED, mainDb.toLowerCase()]);
  }

  duck(catalog: string): string {
    return this.reserved.has(catalog.toLowerCase()) ? `dbx_${catalog.toLowerCase()}` : catalog.toLowerCase();
  }

  /** DuckDB reserves `information_schema` in every catalog; Unity Catalog's own lives beside it. */
  duckSchema(schema: string): string {
    return schema.toLowerCase() === 'information_schema' ? INFO_SCHEMA_DUCK : schema;
  }

  /** UC catalog name for a DuckDB catalog name. */
  uc(duckCatalog: string): string {
    const lower = duckCatalog.toLowerCase();
    const stripped = lower.startsWith('dbx_') ? lower.slice(4) : null;
    return stripped !== null && this.reserved.has(stripped) ? stripped : lower;
  }

  /** For the translator: reserved UC name → DuckDB name. */
  reservedMap(): Map<string, string> {
    return new Map([...this.reserved].map((n) => [n, `dbx_${n}`]));
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** 'a.b.c' → '"a"."b"."c"' after mapping the catalog part. */
export function duckRef(fullName: string, names: CatalogNames): string {
  const [catalog, ...rest] = fullName.split('.');
  return [names.duck(catalog as string), ...rest].map(quoteIdent).join('.');
}

/** Back-quotes a UC name for messages and SQL the way Databricks prints it: `a`.`b`.`c`. */
export function backquoted(fullName: string): string {
  return fullName
    .split('.')
    .map((p) => `\`${p}\``)
    .join('.');
}
