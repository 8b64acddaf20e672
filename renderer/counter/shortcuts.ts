/**
 * Keyboard commands of the counter. F1 (help), F5 (reload), F11 and F12 stay with the browser;
 * the clerk's hands stay on the keyboard for everything else.
 */
export const COMMANDS = ['call-next', 'recall', 'transfer', 'no-show', 'park', 'finish', 'presence', 'call-number'] as const;
export type CounterCommand = (typeof COMMANDS)[number];

export const SHORTCUTS: Record<CounterCommand, string> = {
  'call-next': 'F2',
  recall: 'F3',
  transfer: 'F4',
  'no-show': 'F6',
  park: 'F7',
  finish: 'F8',
  presence: 'F9',
  'call-number': 'F10',
};

const BY_KEY = new Map(Object.entries(SHORTCUTS).map(([cmd, key]) => [key, cmd as CounterCommand]));

/** The command of a key press, or null; any modifier means the key is meant for something else. */
export function commandForKey(ev: { key: string; ctrlKey?: boolean; altKey?: boolean; metaKey?: boolean; shiftKey?: boolean }): CounterCommand | null {
  if (ev.ctrlKey || ev.altKey || ev.metaKey || ev.shiftKey) return null;
  return BY_KEY.get(ev.key) ?? null;
}
