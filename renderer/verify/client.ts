import type { Verdict } from '../../core/contract/certificates.js';
import { publicCertificateApi } from '../../core/contract/certificate-supervision-api.js';
import { ServerErrorBody, type ServerErrorCode } from '../../core/contract/server-errors.js';
import { CallError, contractCall, type CallOptions } from '../shared/contractClient.js';

/** A failed check: the server's own translated words, or NETWORK when it could not be reached. */
export class VerifyError extends CallError<ServerErrorCode> {
  override name = 'VerifyError';
}

export interface VerifyClient {
  verify(payload: string, init?: { signal?: AbortSignal }): Promise<Verdict>;
}

/** The central server's one public route; no token is ever sent. */
export function createVerifyClient(opts: CallOptions<keyof typeof publicCertificateApi> = {}): VerifyClient {
  const call = contractCall(
    { routes: publicCertificateApi, takesToken: () => false, errorBody: ServerErrorBody, error: VerifyError, rethrow: ['AbortError', 'TimeoutError'] },
    opts,
  );
  return { verify: (payload, init) => call('verifyCertificatePublic', { body: { payload } }, init) as Promise<Verdict> };
}
