import type { CounterQueue } from '../../core/contract/hall-api.js';
import type { CounterCommand } from './shortcuts.js';

type Line = CounterQueue['lines'][number];

/** Whole minutes a ticket has waited; never negative when the PC clock is behind the issuing one. */
export function waitingMinutes(issuedAt: string, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(issuedAt)) / 60_000));
}

/** Which commands make sense now: the service still decides, this only greys out the impossible. */
export function enabledCommands(q: CounterQueue): Record<CounterCommand, boolean> {
  const serving = q.presence === 'in';
  const hasCurrent = q.current !== null && q.current.state === 'called';
  // One visitor at a time: calling anyone waits until the current ticket is finished, no-show, parked or transferred.
  return {
    'call-next': serving && !hasCurrent && q.lines.some((l) => l.active),
    'call-number': serving && !hasCurrent,
    recall: hasCurrent,
    transfer: hasCurrent && transferTargets(q).length > 0,
    'no-show': hasCurrent,
    park: hasCurrent,
    finish: hasCurrent,
    presence: q.presence !== 'out',
  };
}

/** Lines the current ticket can be moved to: every line of the hall but its own. */
export function transferTargets(q: CounterQueue): CounterQueue['services'] {
  return q.services.filter((s) => s.code !== q.current?.service);
}

/** The AB-role sentence under a line (a key of counter.lines.note): an away A clerk's line goes to B. */
export function lineNote(line: Line, presence: CounterQueue['presence']): 'aActive' | 'aAway' | 'bActive' | 'bStandby' {
  if (line.role === 'A') return presence === 'in' && line.active ? 'aActive' : 'aAway';
  return line.active ? 'bActive' : 'bStandby';
}

/**
 * The offline banner: shown while the service says the central server is unreachable, or after an
 * action the service recorded locally; that one clears with the next action that went through, or
 * when the service comes back online after having been offline.
 */
export interface OfflineState {
  serviceOnline: boolean | null;
  actionOffline: boolean;
}
export const INITIAL_OFFLINE: OfflineState = { serviceOnline: null, actionOffline: false };

export function afterQueue(s: OfflineState, online: boolean): OfflineState {
  const cameBack = online && s.serviceOnline === false;
  return { serviceOnline: online, actionOffline: cameBack ? false : s.actionOffline };
}

export function afterAction(s: OfflineState, offline: boolean): OfflineState {
  return { ...s, actionOffline: offline };
}

export function isOffline(s: OfflineState): boolean {
  return s.serviceOnline === false || s.actionOffline;
}
