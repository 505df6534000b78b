import { describe, expect, it } from 'vitest';
import { readFilter, readMask } from './views';

describe('reading column_masks and row_filters by name', () => {
  it('reads the documented column set', () => {
    expect(
      readMask({
        CATALOG_NAME: 'hr',
        SCHEMA_NAME: 'people',
        TABLE_NAME: 'employees',
        COLUMN_NAME: 'ssn',
        MASK_CATALOG: 'main',
        MASK_SCHEMA: 'governance',
        MASK_NAME: 'mask_ssn',
        MASK_COL_USAGE: null,
      }),
    ).toEqual({ table: 'hr.people.employees', column: 'ssn', function: 'main.governance.mask_ssn', using: [] });
    expect(
      readFilter({
        catalog_name: 'a',
        schema_name: 'b',
        table_name: 'c',
        filter_catalog: 'main',
        filter_schema: 'gov',
        filter_name: 'f',
        filter_col_usage: 'region, country',
      }),
    ).toEqual({ table: 'a.b.c', function: 'main.gov.f', columns: ['region', 'country'] });
  });

  it('reads the live column set, with three-part names', () => {
    expect(
      readMask({
        table_catalog: 'analytics',
        table_schema: 'silver',
        table_name: 'customers',
        column_name: 'email',
        mask_name: 'main.governance.mask_email',
        using_columns: 'region',
      }),
    ).toEqual({ table: 'analytics.silver.customers', column: 'email', function: 'main.governance.mask_email', using: ['region'] });
    expect(
      readFilter({
        table_catalog: 'hr',
        table_schema: 'people',
        table_name: 'comp',
        filter_name: 'main.governance.hr_only',
        target_columns: '',
      }),
    ).toEqual({
      table: 'hr.people.comp',
      function: 'main.governance.hr_only',
      columns: [],
    });
  });

  it('reads a row carrying both sets, as the simulator serves it, the same way', () => {
    const both = {
      table_catalog: 'analytics',
      table_schema: 'silver',
      table_name: 'customers',
      column_name: 'email',
      mask_name: 'main.governance.mask_email',
      using_columns: null,
      catalog_name: 'analytics',
      schema_name: 'silver',
      mask_catalog: 'main',
      mask_schema: 'governance',
      mask_col_usage: null,
    };
    expect(readMask(both)).toEqual({
      table: 'analytics.silver.customers',
      column: 'email',
      function: 'main.governance.mask_email',
      using: [],
    });
    expect(readMask({ table_name: 'x' })).toBeNull();
  });
});
