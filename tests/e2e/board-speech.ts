import type { Page } from 'playwright-core';

/** Replaces the browser's speech with a recorder, so what the board says can be read back. */
export const FAKE_SPEECH = `
  window.__spoken = [];
  window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; this.lang = ''; this.voice = null; this.rate = 1; this.onend = null; this.onerror = null; } };
  const synth = {
    getVoices: () => [{ lang: 'zh-CN', name: 'Test Mandarin', localService: true }],
    speak(u) { if (u.text) window.__spoken.push(u.text); setTimeout(() => u.onend && u.onend(), 20); },
    cancel() {},
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
`;

/** What the board has said so far, sentence by sentence. */
export const spoken = (page: Page) => page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken);
