// Thrift framing for the warehouse endpoint: one HTTP body in (TBinaryProtocol over TBufferedTransport, i.e. raw
// bytes), one reply out, decoded and encoded by the driver's own generated TCLIService Processor. Methods without a
// handler answer ERROR_STATUS instead of crashing the Processor (it reads `handler.X.length`).
import TCLIService from '@databricks/sql/thrift/TCLIService';
import { TStatusCode } from '@databricks/sql/thrift/TCLIService_types';
import { TBinaryProtocol, TBufferedTransport } from 'thrift';

export const RPC_NAMES = [
  'OpenSession',
  'CloseSession',
  'GetInfo',
  'ExecuteStatement',
  'GetTypeInfo',
  'GetCatalogs',
  'GetSchemas',
  'GetTables',
  'GetTableTypes',
  'GetColumns',
  'GetFunctions',
  'GetPrimaryKeys',
  'GetCrossReference',
  'GetOperationStatus',
  'CancelOperation',
  'CloseOperation',
  'GetResultSetMetadata',
  'FetchResults',
  'GetDelegationToken',
  'CancelDelegationToken',
  'RenewDelegationToken',
] as const;

export type RpcName = (typeof RPC_NAMES)[number];
/** Each handler takes the request struct and resolves with the response struct (plain objects are fine). */
export type RpcHandlers = Partial<Record<RpcName, (req: never) => Promise<object>>>;

export function errorStatus(message: string, sqlState?: string) {
  return { statusCode: TStatusCode.ERROR_STATUS, errorMessage: message, displayMessage: message, sqlState };
}

/** Builds `(body) => reply` for the given handlers. The name of the RPC being served is passed to `onCall`. */
export function thriftProcessor(handlers: RpcHandlers): (body: Buffer) => Promise<Buffer> {
  const full: Record<string, (req: never) => Promise<object>> = {};
  for (const name of RPC_NAMES) {
    const handler = handlers[name] as ((req: never) => Promise<object>) | undefined;
    // A handler that throws would make the Processor answer a TApplicationException; answer a status instead.
    full[name] = handler
      ? async (req: never) =>
          handler(req).catch((err: unknown) => ({ status: errorStatus(err instanceof Error ? err.message : String(err)) }))
      : async () => ({ status: errorStatus(`${name} is not supported by the simulator's warehouse`) });
  }
  const processor = new TCLIService.Processor(full);
  return (body) =>
    new Promise<Buffer>((resolve, reject) => {
      const output = new TBufferedTransport(undefined, resolve);
      const outProtocol = new TBinaryProtocol(output);
      TBufferedTransport.receiver((transport) => {
        try {
          processor.process(new TBinaryProtocol(transport), outProtocol);
        } catch (err) {
          reject(err);
        }
      })(body);
    });
}
