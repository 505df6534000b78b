// The TCLIService RPCs a warehouse answers, over sessions and operations. Failures are Thrift statuses inside an
// HTTP 200: never a 5xx, which the driver would retry with backoff for up to 15 minutes.
import { randomUUID } from 'node:crypto';
import {
  TFetchOrientation,
  TGetInfoType,
  TOperationState,
  TOperationType,
  TProtocolVersion,
  TSparkRowSetType,
  TStatusCode,
} from '@databricks/sql/thrift/TCLIService_types';
import type { FaultAction, Principal, RequestMeta } from '../core/contract';
import { errorStatus, type RpcHandlers } from './thrift-server';
import type { Operation } from './operation';
import type { SqlSession } from './session';

const OK = { statusCode: TStatusCode.SUCCESS_STATUS };
const DEFAULT_PAGE = 100_000;

type Int64ish = { toNumber(allowImprecise?: boolean): number } | number | undefined | null;
const num = (v: Int64ish, fallback: number) => (v === undefined || v === null ? fallback : typeof v === 'number' ? v : v.toNumber(true));

/** Handles carry RFC-4122 UUIDs: the driver runs uuid.stringify() on them. Maps key on the hex form. */
export const hexId = (uuid: string) => uuid.replace(/-/g, '');
export const guidOf = (uuid: string) => Buffer.from(hexId(uuid), 'hex');
const keyOf = (guid: Buffer | undefined) => (guid ? Buffer.from(guid).toString('hex') : '');

const STATE: Record<Operation['state'], TOperationState> = {
  RUNNING: TOperationState.RUNNING_STATE,
  FINISHED: TOperationState.FINISHED_STATE,
  ERROR: TOperationState.ERROR_STATE,
  CANCELED: TOperationState.CANCELED_STATE,
  TIMEDOUT: TOperationState.TIMEDOUT_STATE,
  CLOSED: TOperationState.CLOSED_STATE,
};

export interface WarehouseState {
  sessions: Map<string, SqlSession>;
  operations: Map<string, Operation>;
  openSession(principal: Principal, catalog?: string, schema?: string): Promise<SqlSession>;
  startOperation(session: SqlSession, req: ExecuteRequest, fault: FaultAction | null, meta: RequestMeta): Operation;
  closeSession(session: SqlSession): void;
}

export interface ExecuteRequest {
  statement: string;
  parameters?: unknown[] | null;
  queryTimeout?: Int64ish;
  resultRowLimit?: Int64ish;
}

/** How long ExecuteStatement waits for a result before answering RUNNING and letting the driver poll. */
const DIRECT_WAIT_MS = 2_000;

/** The query error an injected status / rate-limit fault becomes (the SQL endpoint never answers 5xx or 429). */
export function faultMessage(fault: FaultAction): string | null {
  if (fault.type === 'status')
    return `[${fault.errorCode ?? 'INTERNAL_ERROR'}] ${fault.message ?? `Injected failure (status ${fault.status}).`}`;
  if (fault.type === 'rate_limit') return `[REQUEST_LIMIT_EXCEEDED] Too many requests. Retry after ${fault.retryAfterSeconds} seconds.`;
  return null;
}

export function rpcHandlers(state: WarehouseState, principal: Principal, meta: RequestMeta, fault: FaultAction | null): RpcHandlers {
  const failure = fault ? faultMessage(fault) : null;
  const session = (handle: { sessionId?: { guid?: Buffer } } | undefined) => {
    const s = state.sessions.get(keyOf(handle?.sessionId?.guid));
    if (!s || s.principal.id !== principal.id) return null;
    s.lastUsed = Date.now();
    return s;
  };
  const operation = (handle: { operationId?: { guid?: Buffer } } | undefined) => {
    const op = state.operations.get(keyOf(handle?.operationId?.guid));
    return op && op.session.principal.id === principal.id ? op : null;
  };
  const invalid = (what: string) => ({
    status: { statusCode: TStatusCode.INVALID_HANDLE_STATUS, errorMessage: `Invalid ${what}`, displayMessage: `Invalid ${what}` },
  });
  const opHandle = (op: Operation) => ({
    operationId: { guid: guidOf(op.id), secret: guidOf(op.id) },
    operationType: TOperationType.EXECUTE_STATEMENT,
    hasResultSet: true,
  });
  const status = (op: Operation) => ({
    status: OK,
    operationState: STATE[op.state],
    hasResultSet: true,
    ...(op.error ? { errorMessage: op.error.message, displayMessage: op.error.message, sqlState: op.error.sqlState } : {}),
  });
  const metadata = (op: Operation) => ({
    status: OK,
    schema: op.result?.encoder.thriftSchema(),
    resultFormat: TSparkRowSetType.ARROW_BASED_SET,
    arrowSchema: op.result?.encoder.schemaBytes,
    lz4Compressed: false,
    isStagingOperation: false,
  });
  const rows = (op: Operation, maxRows: number) => {
    const result = op.result;
    if (!result) return { startRowOffset: op.cursor, rows: [], arrowBatches: [] };
    const start = op.cursor;
    const count = Math.max(0, Math.min(maxRows, result.set.rowCount - start));
    op.cursor += count;
    const batch = count > 0 ? [{ batch: result.encoder.encode(result.set.page(start, count), count), rowCount: count }] : [];
    return { startRowOffset: start, rows: [], arrowBatches: batch };
  };

  return {
    async OpenSession(req: { initialNamespace?: { catalogName?: string; schemaName?: string } }) {
      // serverProtocolVersion is a required field even on failure.
      const failed = (message: string) => ({
        status: errorStatus(message),
        serverProtocolVersion: TProtocolVersion.SPARK_CLI_SERVICE_PROTOCOL_V8,
      });
      if (failure) return failed(failure);
      const s = await state
        .openSession(principal, req.initialNamespace?.catalogName, req.initialNamespace?.schemaName)
        .catch((e: Error) => e);
      if (s instanceof Error) return failed(s.message);
      return {
        status: OK,
        serverProtocolVersion: TProtocolVersion.SPARK_CLI_SERVICE_PROTOCOL_V8,
        sessionHandle: { sessionId: { guid: guidOf(s.id), secret: guidOf(randomUUID()) } },
        configuration: {},
      };
    },
    async CloseSession(req: { sessionHandle?: { sessionId?: { guid?: Buffer } } }) {
      const s = session(req.sessionHandle);
      if (!s) return invalid('SessionHandle');
      state.closeSession(s);
      return { status: OK };
    },
    async GetInfo(req: { infoType: TGetInfoType }) {
      if (failure) return { status: errorStatus(failure) };
      const value = req.infoType === TGetInfoType.CLI_DBMS_VER ? '3.5.0' : 'Spark SQL';
      return { status: OK, infoValue: { stringValue: value } };
    },
    async ExecuteStatement(
      req: ExecuteRequest & { sessionHandle?: { sessionId?: { guid?: Buffer } }; getDirectResults?: { maxRows: Int64ish } },
    ) {
      const s = session(req.sessionHandle);
      if (!s) return invalid('SessionHandle');
      const op = state.startOperation(s, req, fault, meta);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([op.settled, new Promise((r) => (timer = setTimeout(r, DIRECT_WAIT_MS)))]);
      clearTimeout(timer);
      const response: Record<string, unknown> = { status: OK, operationHandle: opHandle(op) };
      if (req.getDirectResults && op.state !== 'RUNNING') {
        const page = rows(op, num(req.getDirectResults.maxRows, DEFAULT_PAGE));
        const complete = !op.hasMoreRows;
        response.directResults = {
          operationStatus: status(op),
          ...(op.result ? { resultSetMetadata: metadata(op), resultSet: { status: OK, hasMoreRows: !complete, results: page } } : {}),
          ...(complete ? { closeOperation: { status: OK } } : {}),
        };
        // Everything was delivered with the reply: the driver will not send CloseOperation.
        if (complete) state.operations.delete(hexId(op.id));
      }
      return response;
    },
    async GetOperationStatus(req: { operationHandle?: { operationId?: { guid?: Buffer } } }) {
      const op = operation(req.operationHandle);
      if (failure) return { status: errorStatus(failure) };
      return op ? status(op) : invalid('OperationHandle');
    },
    async GetResultSetMetadata(req: { operationHandle?: { operationId?: { guid?: Buffer } } }) {
      const op = operation(req.operationHandle);
      if (!op) return invalid('OperationHandle');
      if (failure) return { status: errorStatus(failure) };
      if (!op.result) return { status: errorStatus(op.error?.message ?? 'The operation has no result set.') };
      return metadata(op);
    },
    async FetchResults(req: { operationHandle?: { operationId?: { guid?: Buffer } }; orientation?: number; maxRows: Int64ish }) {
      const op = operation(req.operationHandle);
      if (!op) return invalid('OperationHandle');
      if (failure) return { status: errorStatus(failure) };
      if (!op.result) return { status: errorStatus(op.error?.message ?? 'The operation has no result set.') };
      if (req.orientation === TFetchOrientation.FETCH_FIRST) op.cursor = 0;
      const results = rows(op, num(req.maxRows, DEFAULT_PAGE));
      return { status: OK, hasMoreRows: op.hasMoreRows, results };
    },
    async CancelOperation(req: { operationHandle?: { operationId?: { guid?: Buffer } } }) {
      const op = operation(req.operationHandle);
      if (!op) return invalid('OperationHandle');
      op.stop('CANCELED');
      return { status: OK };
    },
    async CloseOperation(req: { operationHandle?: { operationId?: { guid?: Buffer } } }) {
      const op = operation(req.operationHandle);
      if (!op) return invalid('OperationHandle');
      op.stop('CLOSED');
      state.operations.delete(keyOf(req.operationHandle?.operationId?.guid));
      return { status: OK };
    },
  } as RpcHandlers;
}
