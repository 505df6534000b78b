// One error for Unity Catalog failures, rendered two ways: as a REST error ({error_code, message} with a status)
// and as a SQL error ("[CLASS] message SQLSTATE: x"), so SQL and REST fail alike.
import { ApiError } from '../core/contract';
import { SqlError } from '../sql/errors';

export class UcError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly sqlClass: string,
    readonly sqlState: string,
  ) {
    super(message);
    this.name = 'UcError';
  }

  toSql(): SqlError {
    return new SqlError(`[${this.sqlClass}] ${this.message} SQLSTATE: ${this.sqlState}`, this.sqlState);
  }

  toApi(): ApiError {
    return new ApiError(this.status, this.errorCode, this.message);
  }
}

const NOT_FOUND_CODES: Record<string, string> = {
  catalog: 'CATALOG_DOES_NOT_EXIST',
  schema: 'SCHEMA_DOES_NOT_EXIST',
  table: 'TABLE_DOES_NOT_EXIST',
  function: 'NOT_FOUND',
  volume: 'NOT_FOUND',
};
const NOT_FOUND_CLASSES: Record<string, string> = {
  catalog: 'NO_SUCH_CATALOG_EXCEPTION',
  schema: 'SCHEMA_NOT_FOUND',
  table: 'TABLE_OR_VIEW_NOT_FOUND',
  function: 'ROUTINE_NOT_FOUND',
  volume: 'VOLUME_NOT_FOUND',
};

export const ucErrors = {
  notFound: (type: string, fullName: string) =>
    new UcError(
      404,
      NOT_FOUND_CODES[type] ?? 'NOT_FOUND',
      `${type.charAt(0).toUpperCase()}${type.slice(1)} '${fullName}' does not exist.`,
      NOT_FOUND_CLASSES[type] ?? 'NOT_FOUND',
      type === 'table' ? '42P01' : '42704',
    ),
  denied: (message: string) => new UcError(403, 'PERMISSION_DENIED', message, 'INSUFFICIENT_PERMISSIONS', '42501'),
  invalid: (message: string, sqlClass = 'INVALID_PARAMETER_VALUE') =>
    new UcError(400, 'INVALID_PARAMETER_VALUE', message, sqlClass, '22023'),
  noPrincipal: (name: string) =>
    new UcError(404, 'PRINCIPAL_DOES_NOT_EXIST', `Could not find principal with name ${name}.`, 'PRINCIPAL_DOES_NOT_EXIST', '42704'),
};
