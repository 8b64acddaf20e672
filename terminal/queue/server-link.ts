import { AppError, CLERK_SESSION_HEADER, type ErrorCode, type ServerErrorCode } from '../../core/contract/index.js';
import { SyncRequestError, type SyncClient } from '../../core/sync/client.js';
import { tooManyAttempts } from '../security/attempts.js';

/** How long a kiosk or counter waits for the central server before going on offline. */
export const QUEUE_SERVER_TIMEOUT_MS = 2_500;

/** `refused`: the server answered, but refused this terminal (its signature, clock or registration). */
export type ServerAnswer<T> = { ok: true; value: T } | { ok: false; refused?: ServerErrorCode };

/** Refusals of the server the visitor or clerk must hear about; anything else means "work offline". */
const PASS_ON: Partial<Record<string, ErrorCode>> = {
  QUEUE_CONFLICT: 'QUEUE_CONFLICT',
  COUNTER_BUSY: 'COUNTER_BUSY',
  SIGNED_IN_ELSEWHERE: 'SIGNED_IN_ELSEWHERE',
  COUNTER_IN_USE: 'COUNTER_IN_USE',
  UNKNOWN_SERVICE: 'UNKNOWN_SERVICE',
  NOT_FOUND: 'NOT_FOUND',
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  APPOINTMENT_CANCELLED: 'APPOINTMENT_CANCELLED',
  APPOINTMENT_CHECKED_IN: 'ALREADY_CHECKED_IN',
  URL_TOO_LONG: 'URL_TOO_LONG',
  TICKET_PROOF_FAILED: 'TICKET_PROOF_FAILED',
  HEADERS_TOO_LARGE: 'HEADERS_TOO_LARGE',
  LOGIN_FAILED: 'WRONG_CREDENTIALS',
  NOT_A_COUNTER_CLERK: 'NOT_A_COUNTER_CLERK',
  SUPERVISOR_REQUIRED: 'SUPERVISOR_REQUIRED',
  // The server no longer takes the clerk's counter session (expired, disabled, moved): back to sign-in.
  CLERK_SESSION_REQUIRED: 'UNAUTHORIZED',
};

/**
 * Tracks whether the central server answered lately, for the screens' offline banners and status:
 * every request of the sync client counts (upload, download, heartbeat, queue calls), and the live socket.
 */
export class ServerLink {
  private lastOk: boolean;
  constructor(
    readonly client: SyncClient | null,
    private readonly onChange: (online: boolean) => void = () => {},
  ) {
    this.lastOk = client?.identity() != null;
    client?.onReach((reached) => this.set(reached));
  }

  get online(): boolean {
    return this.client?.identity() != null && this.lastOk;
  }

  /** Live channel state feeds this too: an open socket, or a word on it, means the server is there. */
  set(online: boolean): void {
    if (online === this.lastOk) return;
    this.lastOk = online;
    this.onChange(online);
  }

  /** `clerk`: the clerk's counter session from the server, sent with counter requests. */
  async call<T>(method: 'GET' | 'POST', path: string, payload: unknown, parse: (json: unknown) => T, clerk: string | null = null): Promise<ServerAnswer<T>> {
    if (!this.client?.identity()) return { ok: false };
    try {
      const headers: Record<string, string> = clerk ? { [CLERK_SESSION_HEADER]: clerk } : {};
      const value = parse(await this.client.request(method, path, payload, { timeoutMs: QUEUE_SERVER_TIMEOUT_MS, headers }));
      return { ok: true, value };
    } catch (err) {
      if (!(err instanceof SyncRequestError)) throw err;
      if (err.code === 'TOO_MANY_ATTEMPTS') {
        this.set(true);
        throw tooManyAttempts((err.retryAfterSeconds ?? 60) * 1000);
      }
      const passOn = PASS_ON[err.code];
      if (passOn) {
        this.set(true);
        throw new AppError(passOn);
      }
      // A server that will not take this terminal's requests is as good as unreachable for the queue, which goes on offline.
      this.set(false);
      const refused = err.status !== null && err.status >= 400 && err.status < 500;
      return refused ? { ok: false, refused: err.code as ServerErrorCode } : { ok: false };
    }
  }

  /** For what only the central server can do: its answer, or why there is none. */
  async require<T>(method: 'GET' | 'POST', path: string, payload: unknown, parse: (json: unknown) => T, clerk: string | null = null): Promise<T> {
    const answer = await this.call(method, path, payload, parse, clerk);
    if (answer.ok) return answer.value;
    throw answer.refused ? new AppError('SERVER_REFUSED', { reason: answer.refused }) : new AppError('SERVER_UNREACHABLE');
  }
}
