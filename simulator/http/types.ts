// The workspace side's own route shape: the contract's RestRoute plus how the call is audited, so that the
// pipeline can emit the audit event for failures (403, 404, 400…) as well as successes.
import type { RestRequest, RestResponse, RestRoute } from '../core/contract';

export type AuditParams = Record<string, string>;

export interface WsResponse extends RestResponse {
  /** Extra request_params known only after the call (e.g. the new token's hash). */
  auditParams?: AuditParams;
}

export interface AuditSpec {
  service: string;
  action: string;
  /** request_params from the request; an array emits one event per entry (e.g. one per workspace-conf key). */
  params?: (req: RestRequest) => AuditParams | AuditParams[];
}

export interface WsRoute extends RestRoute {
  handler: (req: RestRequest) => Promise<WsResponse>;
  audit?: AuditSpec;
}
