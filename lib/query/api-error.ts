// The error the browser's API calls throw, apart from lib/query/fetch.ts: the root layout's query client needs the
// class, and importing fetch.ts there would put the contract checker (zod) on every page, the sign-in page included.

export class ApiClientError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | null,
    readonly fields?: Array<{ path: string; message: string }>,
  ) {
    super(message);
    this.name = 'ApiClientError';
  }
}
