// Error bodies as Databricks writes them (§1.2 of the API reference): {error_code, message} for REST, the RFC 7644
// shape for SCIM, and the legacy integer form the gateway uses for bad credentials.
import { ApiError } from '../core/contract';

export const SCIM_ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** The generic error_code a status maps to (for fault rules and unexpected failures). */
export function defaultErrorCode(status: number): string {
  const codes: Record<number, string> = {
    400: 'BAD_REQUEST',
    401: 'UNAUTHENTICATED',
    403: 'PERMISSION_DENIED',
    404: 'NOT_FOUND',
    409: 'RESOURCE_CONFLICT',
    429: 'REQUEST_LIMIT_EXCEEDED',
    499: 'CANCELLED',
    500: 'INTERNAL_ERROR',
    501: 'NOT_IMPLEMENTED',
    503: 'TEMPORARILY_UNAVAILABLE',
    504: 'DEADLINE_EXCEEDED',
  };
  return codes[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST');
}

export function defaultErrorMessage(status: number): string {
  const messages: Record<number, string> = {
    429: 'Too many requests. Please wait a moment and try again.',
    500: 'Internal error. Please try again later.',
    503: 'The service is temporarily unavailable. Please try again later.',
    504: 'The request timed out.',
  };
  return messages[status] ?? `Request failed with status ${status}.`;
}

export function errorBody(err: ApiError, scim: boolean): unknown {
  if (scim) return { schemas: [SCIM_ERROR_SCHEMA], detail: err.message, status: String(err.status), ...scimType(err) };
  return { error_code: err.errorCode, message: err.message };
}

function scimType(err: ApiError): { scimType?: string } {
  if (err.status === 409) return { scimType: 'uniqueness' };
  if (err.errorCode === 'INVALID_FILTER') return { scimType: 'invalidFilter' };
  if (err.status === 400) return { scimType: 'invalidValue' };
  return {};
}

export const badRequest = (message: string, code = 'INVALID_PARAMETER_VALUE') => new ApiError(400, code, message);
export const notFound = (message: string, code = 'RESOURCE_DOES_NOT_EXIST') => new ApiError(404, code, message);
export const forbidden = (message: string) => new ApiError(403, 'PERMISSION_DENIED', message);
