import { describe, expect, it } from 'vitest';
import { coverageOf } from './coverage';

describe('protection coverage', () => {
  it('divides masked by sensitive columns and filtered by sensitive tables, per catalog and overall', () => {
    const c = coverageOf([
      { table: 'sales.crm.customers', masked: true, filtered: true },
      { table: 'sales.crm.customers', masked: false, filtered: true },
      { table: 'sales.crm.leads', masked: false, filtered: false },
      { table: 'hr.people.staff', masked: true, filtered: false },
    ]);
    expect(c).toMatchObject({ sensitive: 4, masked: 2, ratio: 0.5, tables: 3, filteredTables: 1 });
    expect(c.filteredRatio).toBeCloseTo(1 / 3);
    expect(c.byCatalog).toEqual([
      { catalog: 'sales', sensitive: 3, masked: 1, ratio: 1 / 3, tables: 2, filteredTables: 1, filteredRatio: 0.5 },
      { catalog: 'hr', sensitive: 1, masked: 1, ratio: 1, tables: 1, filteredTables: 0, filteredRatio: 0 },
    ]);
  });

  it('counts nothing sensitive as nothing unprotected', () => {
    expect(coverageOf([])).toEqual({ sensitive: 0, masked: 0, ratio: 1, tables: 0, filteredTables: 0, filteredRatio: 1, byCatalog: [] });
  });
});
