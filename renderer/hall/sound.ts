// Sound on the hall TV. Browsers play audio (and often speech) only after the page has been clicked
// once, so the board asks once and remembers the answer; a board started by Electron or by Chromium
// with --autoplay-policy=no-user-gesture-required is allowed at once and never asks.
import type { Lang } from '../../core/contract/common.js';
import type { ClipPlayer } from './speech.js';

export type SoundChoice = 'on' | 'off';
const KEY = 'hall.sound';

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

function storage(): StorageLike | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function loadSoundChoice(store: StorageLike | null = storage()): SoundChoice | null {
  const v = store?.getItem(KEY);
  return v === 'on' || v === 'off' ? v : null;
}

export function saveSoundChoice(choice: SoundChoice, store: StorageLike | null = storage()): void {
  try {
    store?.setItem(KEY, choice);
  } catch {
    // Private mode or a full store: the board asks again next time, nothing worse.
  }
}

/** What the board shows about sound: whether to ask, and whether calls are said aloud. */
export function soundPlan(choice: SoundChoice | null, audioAllowed: boolean): { ask: boolean; on: boolean } {
  if (choice === 'off') return { ask: false, on: false };
  if (audioAllowed) return { ask: false, on: true };
  return { ask: true, on: false };
}

let context: AudioContext | null | undefined;

function audioContext(): AudioContext | null {
  if (context !== undefined) return context;
  const Ctor = typeof window === 'undefined' ? undefined : (window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext);
  context = Ctor ? new Ctor() : null;
  return context;
}

/** True when the page may already play sound without a click. */
export function audioAllowed(): boolean {
  return audioContext()?.state === 'running';
}

/** Calls `cb` whenever audio becomes allowed or blocked (a new context starts suspended and may run a moment later). */
export function onAudioStateChange(cb: () => void): () => void {
  const ctx = audioContext();
  if (!ctx) return () => undefined;
  ctx.addEventListener('statechange', cb);
  return () => ctx.removeEventListener('statechange', cb);
}

/** Call from a click or key press: lets audio and speech play from now on. */
export async function unlockAudio(): Promise<boolean> {
  const ctx = audioContext();
  if (typeof speechSynthesis !== 'undefined') {
    // An empty utterance spoken inside the gesture unlocks speech in Chromium and Safari.
    speechSynthesis.speak(new SpeechSynthesisUtterance(''));
  }
  if (!ctx) return false;
  await ctx.resume().catch(() => undefined);
  return ctx.state === 'running';
}

/** The two-tone "ding-dong" before each call; it needs no voice and no files. */
export function playChime(): Promise<void> {
  const ctx = audioContext();
  if (!ctx || ctx.state !== 'running') return Promise.resolve();
  const start = ctx.currentTime + 0.05;
  [
    { freq: 784, at: 0 },
    { freq: 622, at: 0.45 },
  ].forEach(({ freq, at }) => {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, start + at);
    gain.gain.exponentialRampToValueAtTime(0.5, start + at + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + at + 0.8);
    osc.connect(gain).connect(ctx.destination);
    osc.start(start + at);
    osc.stop(start + at + 0.85);
  });
  return new Promise((resolve) => setTimeout(resolve, 1400));
}

/** Plays recorded clips `<base>/<lang>/<clip>.ogg` one after another; rejects on the first that fails. */
export function clipPlayer(base = '/sounds'): ClipPlayer {
  return async (clips: string[], lang: Lang) => {
    for (const clip of clips) {
      await new Promise<void>((resolve, reject) => {
        const audio = new Audio(`${base}/${lang}/${encodeURIComponent(clip)}.ogg`);
        audio.onended = () => resolve();
        audio.onerror = () => reject(new Error(`clip ${clip} failed`));
        audio.play().catch(reject);
      });
    }
  };
}
