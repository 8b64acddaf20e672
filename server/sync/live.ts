import websocket from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { LIVE_PATH, type LiveMessage } from '../../core/contract/index.js';
import type { ServerDb } from '../db/connection.js';
import type { TerminalRow } from '../terminals/repository.js';
import { latestSeq } from './changes.js';

/** Open live sockets by hall. */
export class LiveHub {
  private readonly halls = new Map<string, Set<WebSocket>>();

  add(hall: string, socket: WebSocket): void {
    let set = this.halls.get(hall);
    if (!set) this.halls.set(hall, (set = new Set()));
    set.add(socket);
    socket.on('close', () => {
      set.delete(socket);
      if (set.size === 0 && this.halls.get(hall) === set) this.halls.delete(hall);
    });
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
      hub.add(terminal.hall, socket);
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
    latestSeq(db)
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
