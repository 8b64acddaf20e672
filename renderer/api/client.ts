import { api, type RouteInput, type RouteName, type RouteOutput } from '../../core/contract/api.js';
import { ErrorBody, type ErrorCode } from '../../core/contract/errors.js';
import { CallError, contractCall, type CallOptions } from '../shared/contractClient.js';

export { buildUrl } from '../shared/contractClient.js';

/** A failed call to the terminal service. */
export class ApiError extends CallError<ErrorCode> {
  override name = 'ApiError';
}

export interface ApiClient {
  call<N extends RouteName>(name: N, input: RouteInput<N>, init?: { signal?: AbortSignal }): Promise<RouteOutput<N>>;
}

/** `token` is a signed-in clerk's, sent on routes marked `staff` (never elsewhere). */
export type ClientOptions = CallOptions<RouteName>;

export function createClient(opts: ClientOptions = {}): ApiClient {
  const call = contractCall(
    // The caller's own abort and its time limit come back as they are, so a screen can say "did not answer in time".
    { routes: api, takesToken: (route) => 'staff' in route && route.staff === true, errorBody: ErrorBody, error: ApiError, rethrow: ['AbortError', 'TimeoutError'] },
    opts,
  );
  return { call: call as ApiClient['call'] };
}
