// Keyboard shortcuts a locked screen swallows, so nobody can leave, reload, inspect, zoom or print
// it from the keyboard. Pure: takes the fields of Electron's `before-input-event` Input.
// (OS-level combinations such as Ctrl+Alt+Del or Alt+Tab never reach the app: lock those in the OS.)

export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  alt: boolean;
  meta: boolean;
  shift: boolean;
}

const BLOCKED_KEYS = new Set(['F1', 'F3', 'F5', 'F6', 'F7', 'F10', 'F11', 'F12', 'BrowserBack', 'BrowserForward', 'BrowserRefresh', 'BrowserHome', 'BrowserSearch', 'ContextMenu']);
const TEXT_EDITING = new Set(['a', 'c', 'v', 'x', 'z', 'y']);

/** Whether a locked screen must swallow this key press. */
export function isBlockedOnLockedScreen(input: KeyInput): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false;
  if (BLOCKED_KEYS.has(input.key)) return true;
  // Alt alone opens the menu bar; Alt+anything is navigation (Alt+Left) or closing (Alt+F4).
  if (input.alt || input.key === 'Alt') return true;
  if (input.meta || input.key === 'Meta') return true;
  if (input.control) {
    // Ctrl with a letter is reload, close, new window, print, find, devtools, zoom, view source...
    // Only plain text editing stays usable for on-screen forms.
    return !(TEXT_EDITING.has(input.key.toLowerCase()) && !input.shift) && input.key !== 'Control';
  }
  return false;
}

/** Shortcuts swallowed on the clerk's ordinary window too: reload and devtools would lose work in progress. */
export function isBlockedOnClerkWindow(input: KeyInput, devToolsAllowed: boolean): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false;
  const key = input.key.toLowerCase();
  if (input.key === 'F5' || ((input.control || input.meta) && key === 'r')) return true;
  if (devToolsAllowed) return false;
  return input.key === 'F12' || ((input.control || input.meta) && input.shift && (key === 'i' || key === 'j' || key === 'c'));
}
