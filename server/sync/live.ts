import websocket from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { LIVE_PATH, type LiveMessage } from '../../core/contract/index.js';
import type { ServerDb } from '../db/connection.js';
import type { TerminalRow } from '../terminals/repository.js';
import { latestSeq } from './changes.js';

/** Which terminal, under which key, opened a socket: a disabled or re-keyed terminal loses it. */
export interface LiveIdentity {
  terminalId: string;
  publicKey: string | null;
}

/** Close code for a socket whose terminal was disabled or re-keyed while it was open. */
export const LIVE_REVOKED = 4403;

/** Open live sockets by hall. */
export class LiveHub {
  private readonly halls = new Map<string, Set<WebSocket>>();
  private readonly identities = new Map<WebSocket, LiveIdentity>();

  add(hall: string, socket: WebSocket, identity?: LiveIdentity): void {
    let set = this.halls.get(hall);
    if (!set) this.halls.set(hall, (set = new Set()));
    set.add(socket);
    if (identity) this.identities.set(socket, identity);
    socket.on('close', () => {
      set.delete(socket);
      this.identities.delete(socket);
      if (set.size === 0 && this.halls.get(hall) === set) this.halls.delete(hall);
    });
  }

  /** The terminals with a socket open now. */
  terminalIds(): string[] {
    return [...new Set([...this.identities.values()].map((i) => i.terminalId))];
  }

  /** Closes every socket whose terminal is no longer allowed. Returns how many. */
  revoke(allowed: (identity: LiveIdentity) => boolean): number {
    let closed = 0;
    for (const [socket, identity] of this.identities) {
      if (allowed(identity)) continue;
      this.identities.delete(socket);
      for (const set of this.halls.values()) set.delete(socket);
      socket.close(LIVE_REVOKED, 'terminal disabled or re-keyed');
      closed++;
    }
    return closed;
  }

  get size(): number {
    let n = 0;
    for (const set of this.halls.values()) n += set.size;
    return n;
  }

  /** A hall event to every terminal of that hall. */
  publishToHall(hall: string, event: unknown): void {
    this.sendTo(this.halls.get(hall) ?? [], { type: 'hall', hall, event });
  }

  broadcast(msg: LiveMessage): void {
    for (const set of this.halls.values()) this.sendTo(set, msg);
  }

  /** Keeps sockets alive through proxies and lets terminals notice a dead connection (they expect this). */
  pingAll(): void {
    for (const set of this.halls.values()) for (const s of set) if (s.readyState === s.OPEN) s.ping();
  }

  closeAll(): void {
    for (const set of this.halls.values()) for (const s of set) s.close(1001, 'server stopping');
  }

  private sendTo(sockets: Iterable<WebSocket>, msg: LiveMessage): void {
    const text = JSON.stringify(msg);
    for (const s of sockets) if (s.readyState === s.OPEN) s.send(text);
  }
}

/** "A disabled terminal is refused at once": that includes the socket it already holds (checked with the feed). */
async function revokeDisabled(db: ServerDb, hub: LiveHub): Promise<void> {
  const ids = hub.terminalIds();
  if (!ids.length) return;
  const rows = await db.selectFrom('terminals').select(['id', 'public_key', 'disabled_at']).where('id', 'in', ids).execute();
  const current = new Map(rows.filter((r) => r.disabled_at === null).map((r) => [r.id, r.public_key]));
  // A socket opened while the query ran was authenticated just now: only those checked are judged.
  const checked = new Set(ids);
  hub.revoke((i) => !checked.has(i.terminalId) || current.get(i.terminalId) === i.publicKey);
}

export interface LiveOptions {
  /** How often the change feed is checked for new seqs (changes may come from the admin CLI's process). */
  pollMs: number;
  /** How often every socket is pinged (terminals give up on a socket silent for 75 s). */
  pingMs?: number;
  authenticate: (req: FastifyRequest) => Promise<TerminalRow>;
}

/**
 * The WebSocket at LIVE_PATH. The upgrade request is signed like any GET and verified before the
 * socket is accepted; a refused one gets the usual 401/403 error answer and no socket.
 */
export async function registerLive(app: FastifyInstance, db: ServerDb, hub: LiveHub, opts: LiveOptions): Promise<void> {
  await app.register(websocket);
  const terminals = new WeakMap<FastifyRequest, TerminalRow>();
  let last = await latestSeq(db);

  app.get(
    LIVE_PATH,
    {
      websocket: true,
      preValidation: async (req) => {
        terminals.set(req, await opts.authenticate(req));
      },
    },
    (socket, req) => {
      const terminal = terminals.get(req)!;
      hub.add(terminal.hall, socket, { terminalId: terminal.id, publicKey: terminal.public_key });
      // Whatever the terminal missed while it was away: it pulls on this first message.
      latestSeq(db)
        .then((seq) => socket.readyState === socket.OPEN && socket.send(JSON.stringify({ type: 'changes', seq } satisfies LiveMessage)))
        .catch((err: unknown) => req.log.warn({ err }, 'live: could not read the change feed'));
    },
  );

  let polling = false;
  const timer = setInterval(() => {
    if (polling || hub.size === 0) return;
    polling = true;
    revokeDisabled(db, hub)
      .then(() => latestSeq(db))
      .then((seq) => {
        if (seq === last) return;
        last = seq;
        hub.broadcast({ type: 'changes', seq });
      })
      .catch((err: unknown) => app.log.warn({ err }, 'change feed check failed'))
      .finally(() => (polling = false));
  }, opts.pollMs);
  timer.unref();
  const pinger = setInterval(() => hub.pingAll(), opts.pingMs ?? 30_000);
  pinger.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    clearInterval(pinger);
  });
  app.addHook('preClose', async () => hub.closeAll());
}
