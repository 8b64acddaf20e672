import { request as httpRequest, createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP proxy on loopback between terminals and the server that, seeded-randomly, misbehaves
 * the way a hall's network and a restarting server do. Each request gets at most one fault.
 */
export type Fault = 'drop' | 'delay' | 'duplicate' | 'reorder' | 'error500' | 'cut';

export type FaultRates = Record<Fault, number>;

export const DEFAULT_FAULTS: FaultRates = { drop: 0.08, delay: 0.08, duplicate: 0.08, reorder: 0.08, error500: 0.08, cut: 0.08 };

export interface FaultProxy {
  url: string;
  counts: Record<Fault | 'requests' | 'clean', number>;
  /** Requests that got a fault. */
  faulted(): number;
  close(): Promise<void>;
}

/** mulberry32: small, fast and reproducible from a seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Upstream {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export async function startFaultProxy(target: string, opts: { seed?: number; rates?: FaultRates; maxDelayMs?: number; reorderWaitMs?: number } = {}): Promise<FaultProxy> {
  const random = seeded(opts.seed ?? 1);
  const rates = opts.rates ?? DEFAULT_FAULTS;
  const maxDelayMs = opts.maxDelayMs ?? 150;
  const reorderWaitMs = opts.reorderWaitMs ?? 200;
  const counts = { requests: 0, clean: 0, drop: 0, delay: 0, duplicate: 0, reorder: 0, error500: 0, cut: 0 };
  const base = new URL(target);
  // A held request goes upstream right after the next one that arrives (or after a short wait).
  let held: (() => void) | null = null;

  function pick(): Fault | null {
    let r = random();
    for (const f of Object.keys(rates) as Fault[]) {
      if (r < rates[f]) return f;
      r -= rates[f];
    }
    return null;
  }

  function forward(req: IncomingMessage, body: Buffer): Promise<Upstream> {
    return new Promise((resolve, reject) => {
      const headers = { ...req.headers, host: base.host };
      const up = httpRequest({ host: base.hostname, port: base.port, method: req.method, path: req.url, headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      up.on('error', reject);
      up.end(body);
    });
  }

  function reply(res: ServerResponse, u: Upstream): void {
    const headers = { ...u.headers };
    delete headers['transfer-encoding'];
    headers['content-length'] = String(u.body.length);
    res.writeHead(u.status, headers);
    res.end(u.body);
  }

  function releaseHeld(): void {
    const h = held;
    held = null;
    h?.();
  }

  async function handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    counts.requests++;
    const fault = pick();
    if (fault) counts[fault]++;
    else counts.clean++;
    switch (fault) {
      case 'drop':
        req.socket.destroy();
        releaseHeld();
        return;
      case 'error500':
        res.writeHead(500, { 'content-type': 'text/plain' }).end('proxy says no');
        releaseHeld();
        return;
      case 'delay':
        await new Promise((r) => setTimeout(r, random() * maxDelayMs));
        break;
      case 'reorder': {
        const previous = held;
        await new Promise<void>((r) => {
          const timer = setTimeout(() => {
            if (held === go) held = null;
            r();
          }, reorderWaitMs);
          const go = () => {
            clearTimeout(timer);
            r();
          };
          held = go;
        });
        previous?.();
        break;
      }
    }
    if (fault !== 'reorder') {
      const h = held;
      if (h) {
        // This request overtakes the held one: it goes first, the held one right after.
        held = null;
        const u = await forward(req, body).catch(() => null);
        h();
        return finish(res, req, u, fault);
      }
    }
    let u: Upstream | null;
    if (fault === 'duplicate') {
      const [a] = await Promise.all([forward(req, body).catch(() => null), forward(req, body).catch(() => null)]);
      u = a;
    } else u = await forward(req, body).catch(() => null);
    finish(res, req, u, fault);
  }

  function finish(res: ServerResponse, req: IncomingMessage, u: Upstream | null, fault: Fault | null): void {
    if (!u) {
      req.socket.destroy();
      return;
    }
    if (fault === 'cut') {
      const headers = { ...u.headers };
      delete headers['transfer-encoding'];
      headers['content-length'] = String(u.body.length);
      res.writeHead(u.status, headers);
      res.write(u.body.subarray(0, Math.floor(u.body.length / 2)), () => req.socket.destroy());
      return;
    }
    reply(res, u);
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void handle(req, res, Buffer.concat(chunks)).catch(() => req.socket.destroy()));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    faulted: () => counts.requests - counts.clean,
    close: () =>
      new Promise((r) => {
        releaseHeld();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
