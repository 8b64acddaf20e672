import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import WebSocket from 'ws';
import type { ScreenMessage } from '../../core/contract/index.js';

/**
 * This machine's first non-loopback IPv4 address: a connection to it comes from it, so the
 * terminal sees the peer another computer on the hall LAN would be. No such address: the test
 * cannot prove anything, so it fails rather than skips.
 */
export function lanAddress(): string {
  const found = Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal);
  if (!found) throw new Error('This machine has no non-loopback IPv4 address: the LAN tests need one (os.networkInterfaces())');
  return found.address;
}

/** What an attacker on the LAN sends: any Host and Origin it likes. */
export const FORGED = { host: '127.0.0.1:4780', origin: 'http://127.0.0.1:4780' };

export interface PeerAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

/** A raw HTTP request over a real socket, headers exactly as given. */
export function peerRequest(url: string, method: 'GET' | 'POST', headers: Record<string, string> = {}, body?: unknown): Promise<PeerAnswer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: { ...headers, ...(payload ? { 'content-type': 'application/json' } : {}) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => {
        let json: unknown = null;
        try {
          json = JSON.parse(text);
        } catch {
          /* a page or a script */
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** The cookie a pairing answer set, as the browser sends it back. */
export const cookieOf = (a: PeerAnswer) => String((a.headers['set-cookie'] as string[] | undefined)?.[0] ?? '').split(';')[0]!;

/** A live socket that records every message it gets. */
export async function liveSocket(url: string, headers: Record<string, string> = {}) {
  const ws = new WebSocket(url, { headers });
  const got: ScreenMessage[] = [];
  ws.on('message', (data) => got.push(JSON.parse(String(data)) as ScreenMessage));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`live socket refused: ${res.statusCode}`)));
    ws.once('error', reject);
  });
  return { ws, got, types: () => got.map((m) => m.type) };
}
