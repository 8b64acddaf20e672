import type { InputOf, OutputOf } from '../../core/contract/api.js';
import { ServerErrorBody, type ServerErrorCode } from '../../core/contract/server-errors.js';
import { supervisionApi } from '../../core/contract/supervision-api.js';
import { CallError, contractCall, type CallOptions } from '../shared/contractClient.js';

/** The central server's staff routes (supervision-api.ts), called with the signed-in account's token. */
export type SupervisionApi = typeof supervisionApi;
export type SupervisionRoute = keyof SupervisionApi;
export type SupervisionInput<N extends SupervisionRoute> = InputOf<SupervisionApi[N]>;
export type SupervisionOutput<N extends SupervisionRoute> = OutputOf<SupervisionApi[N]>;

/** A failed call to the central server. */
export class StaffApiError extends CallError<ServerErrorCode> {
  override name = 'StaffApiError';
}

export interface SupervisionClient {
  call<N extends SupervisionRoute>(name: N, input: SupervisionInput<N>, init?: { signal?: AbortSignal }): Promise<SupervisionOutput<N>>;
}

/** `token` is sent on every route that has roles. */
export type SupervisionClientOptions = CallOptions<SupervisionRoute>;

export function createSupervisionClient(opts: SupervisionClientOptions = {}): SupervisionClient {
  const call = contractCall(
    {
      routes: supervisionApi,
      takesToken: (route) => 'roles' in route,
      errorBody: ServerErrorBody,
      error: StaffApiError,
      rethrow: ['AbortError', 'TimeoutError'],
    },
    opts,
  );
  return { call: call as SupervisionClient['call'] };
}
