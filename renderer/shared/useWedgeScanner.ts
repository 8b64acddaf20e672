import { useEffect, useRef } from 'react';
import { WedgeDetector, insertTyped, retractTyped, type EditableField, type WedgeOptions, type WedgeVerdict } from './wedge.js';

export interface WedgeScannerOptions extends WedgeOptions {
  /** Off while a screen should ignore scans (e.g. a dialog is open). Default on. */
  enabled?: boolean;
}

function focusedField(): EditableField | null {
  const el = document.activeElement;
  if (el instanceof HTMLTextAreaElement) return el;
  // setRangeText throws on input types without a caret (email, number…); those are left alone.
  if (el instanceof HTMLInputElement && ['text', 'search', 'tel', 'url', 'password'].includes(el.type)) return el;
  return null;
}

/**
 * Listens for a keyboard-wedge scanner on the whole window: calls `onScan(code)` once per scan and
 * keeps the scan's keys out of whatever field has focus. People's typing is untouched.
 */
export function useWedgeScanner(onScan: (code: string) => void, options: WedgeScannerOptions = {}): void {
  const latest = useRef(onScan);
  useEffect(() => {
    latest.current = onScan;
  });
  const { enabled = true, maxGapMs = 35, minLength, terminators } = options;
  const terminatorKey = terminators?.join('\u0000');

  useEffect(() => {
    if (!enabled) return;
    const detector = new WedgeDetector({ maxGapMs, minLength, terminators: terminatorKey?.split('\u0000') });
    let idleTimer: ReturnType<typeof setTimeout> | undefined;

    const apply = (v: WedgeVerdict) => {
      const field = focusedField();
      if (v.release && field) insertTyped(field, v.release);
      if (v.retract && field) retractTyped(field, v.retract);
      if (v.scan) latest.current(v.scan);
    };
    const onKeyDown = (e: KeyboardEvent) => {
      // Shortcuts, held-down keys and IME composition are never a scanner.
      if (e.ctrlKey || e.altKey || e.metaKey || e.repeat || e.isComposing) return;
      const verdict = detector.key({ key: e.key, time: e.timeStamp });
      if (verdict.consume) {
        e.preventDefault();
        e.stopImmediatePropagation();
      }
      apply(verdict);
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => {
        const rest = detector.idle(performance.now());
        if (rest) apply(rest);
      }, maxGapMs * 3);
    };
    // Capture phase, so a scan's Enter never reaches a form or the search box's own handler.
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => {
      window.removeEventListener('keydown', onKeyDown, { capture: true });
      clearTimeout(idleTimer);
    };
  }, [enabled, maxGapMs, minLength, terminatorKey]);
}
