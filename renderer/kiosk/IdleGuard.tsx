import { useEffect, useState } from 'react';
import { IdleTimer, type IdleState } from '../shared/idleTimer.js';
import { IdleOverlay } from './components/IdleOverlay.js';

const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

/**
 * Resets the kiosk after `idleSeconds` without a touch, key or wheel, with a countdown first.
 * Runs only while there is something to reset (`armed`), so an untouched home screen stays calm.
 */
export function IdleGuard({ idleSeconds, countdownSeconds, armed, onIdle }: { idleSeconds: number; countdownSeconds: number; armed: boolean; onIdle: () => void }) {
  const [state, setState] = useState<IdleState>({ phase: 'active' });

  useEffect(() => {
    if (!armed) return;
    const timer = new IdleTimer({ idleSeconds, countdownSeconds, onChange: setState, onIdle });
    const touch = () => timer.touch();
    for (const ev of ACTIVITY) window.addEventListener(ev, touch, { capture: true, passive: true });
    timer.start();
    return () => {
      for (const ev of ACTIVITY) window.removeEventListener(ev, touch, { capture: true });
      timer.stop();
      setState({ phase: 'active' });
    };
  }, [idleSeconds, countdownSeconds, armed, onIdle]);

  return state.phase === 'countdown' ? <IdleOverlay secondsLeft={state.secondsLeft} /> : null;
}
