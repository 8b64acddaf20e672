import { networkInterfaces } from 'node:os';
import type { AddressInfo } from 'node:net';
import { isLoopbackAddress } from './api/guard.js';

const WILDCARDS = new Set(['0.0.0.0', '::', '']);

/** host:port as a URL writes it. */
export function hostPort(address: string, port: number): string {
  return `${address.includes(':') ? `[${address}]` : address}:${port}`;
}

/** Where other computers reach a service bound to `bound`: this PC's network addresses for a wildcard, else the address itself. */
export function lanAddresses(bound: string): string[] {
  if (isLoopbackAddress(bound)) return [];
  if (!WILDCARDS.has(bound)) return [bound];
  const ipv6 = bound === '::';
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && !a.internal && (a.family === 'IPv4' || (ipv6 && !a.address.startsWith('fe80:'))))
    .map((a) => a!.address);
}

/** The log lines of a started service: where it really listens, and a warning when that is beyond loopback. */
export function listeningLines(role: string, bound: AddressInfo): string[] {
  const lines = [`Terminal service (${role}) listening on http://${hostPort(bound.address, bound.port)}`];
  if (isLoopbackAddress(bound.address)) return lines;
  const reach = lanAddresses(bound.address).map((a) => `http://${hostPort(a, bound.port)}/hall`);
  lines.push(
    `Warning: listening beyond loopback (${hostPort(bound.address, bound.port)}): other computers on the network can reach this terminal` +
      `${reach.length ? ` (${reach.join(', ')})` : ''}. Unpaired they get only the call board; pair a screen with npm run terminal:pair.`,
  );
  return lines;
}
