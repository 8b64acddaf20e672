// The call board's voice: "请 A 零 一 二 号到 3 号窗口办理". Chromium speaks it when the system
// has a voice for the language (on Linux only with --enable-speech-dispatcher and espeak-ng);
// otherwise recorded clips are played one after another.
import type { Lang } from '../../core/contract/common.js';

/** The part of i18next's `t` this module uses; pass `i18n.t`. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A ticket or counter number read character by character: A012 → "A 零 一 二". */
export function spellOut(code: string, lang: Lang, t: Translate): string {
  return [...code.toUpperCase()]
    .filter((ch) => /[0-9A-Z]/.test(ch))
    .map((ch) => (/[0-9]/.test(ch) ? t(`hall.speech.digit.${ch}`, { lng: lang }) : ch))
    .join(' ');
}

/** The sentence announced for `ticket` called to `counter`. The counter number is read as a number. */
export function announcementText(ticket: string, counter: string, lang: Lang, t: Translate): string {
  return t('hall.speech.call', { lng: lang, ticket: spellOut(ticket, lang, t), counter: counter.trim() });
}

/**
 * The recorded clips that say the same, in order. Clip files are per language,
 * `assets/sounds/<lang>/<clip>.ogg`, and the set needed is:
 * - every language: the digits `0`…`9` and the ticket letters in use (`A`…`Z`);
 * - zh-CN: `please` (请), `hao` (号), `to` (到), `window` (号窗口办理);
 * - en: `ticket` (Ticket), `go-to-counter` (please go to counter);
 * - ru: `ticket` (Талон), `go-to-window` (пройдите к окну).
 * Counter numbers are read digit by digit here (a clip per number would need 10, 11, … too).
 */
export function announcementClips(ticket: string, counter: string, lang: Lang): string[] {
  const chars = (s: string) => [...s.toUpperCase()].filter((ch) => /[0-9A-Z]/.test(ch));
  switch (lang) {
    case 'zh-CN':
      return ['please', ...chars(ticket), 'hao', 'to', ...chars(counter), 'window'];
    case 'en':
      return ['ticket', ...chars(ticket), 'go-to-counter', ...chars(counter)];
    case 'ru':
      return ['ticket', ...chars(ticket), 'go-to-window', ...chars(counter)];
  }
}

/** What pickVoice needs of a SpeechSynthesisVoice. */
export interface VoiceLike {
  lang: string;
  name: string;
  localService: boolean;
}

const CANTONESE = /yue|cantonese|粤/i;

/** Lower is better; undefined means the voice cannot speak `lang`. */
function rank(voice: VoiceLike, lang: Lang): number | undefined {
  const tag = voice.lang.replace(/_/g, '-').toLowerCase();
  if (lang === 'zh-CN') {
    if (CANTONESE.test(tag) || CANTONESE.test(voice.name) || /^zh-(hk|mo)\b/.test(tag)) return undefined;
    if (/^(zh|cmn)(-hans)?-cn$/.test(tag)) return 0;
    if (tag === 'cmn' || tag.startsWith('cmn-')) return 1;
    if (tag === 'zh' || tag.startsWith('zh-hans') || tag === 'zh-sg' || /mandarin|普通话/i.test(voice.name)) return 2;
    if (tag.startsWith('zh-')) return 3;
    return undefined;
  }
  if (tag === lang) return 0;
  return tag.startsWith(`${lang}-`) ? 1 : undefined;
}

/**
 * The voice to announce in `lang`, chosen explicitly (the default voice on Linux is English
 * espeak, which would read Chinese as noise): for Chinese a Mandarin voice (zh-CN, cmn, zh),
 * never a Cantonese one. Local voices win over network ones, which fail with the network down.
 * Null when there is none: then use recorded clips.
 */
export function pickVoice<V extends VoiceLike>(voices: readonly V[], lang: Lang): V | null {
  let best: V | null = null;
  let bestScore = Infinity;
  for (const voice of voices) {
    const r = rank(voice, lang);
    if (r === undefined) continue;
    const score = r * 2 + (voice.localService ? 0 : 1);
    if (score < bestScore) {
      best = voice;
      bestScore = score;
    }
  }
  return best;
}

/** What the announcer needs of a SpeechSynthesisUtterance. */
export interface UtteranceLike {
  text: string;
  lang: string;
  voice: VoiceLike | null;
  rate: number;
  onend: (() => void) | null;
  onerror: (() => void) | null;
}

/** What the announcer needs of window.speechSynthesis. */
export interface SynthLike {
  getVoices(): VoiceLike[];
  speak(utterance: UtteranceLike): void;
  cancel(): void;
}

/** Plays the named clips one after another; resolves when the last one ends. */
export type ClipPlayer = (clips: string[], lang: Lang) => Promise<void>;

export interface AnnouncerOptions {
  t: Translate;
  /** Default: window.speechSynthesis when the browser has it. */
  synth?: SynthLike | null;
  /** Default: new SpeechSynthesisUtterance(text). */
  createUtterance?: (text: string) => UtteranceLike;
  /** The recorded-clip fallback; without it, a call with no voice is silent (the board still shows it). */
  playClips?: ClipPlayer | null;
  /** How many times each call is said in a row. Default 1. */
  times?: number;
  /** Speaking rate; a little slower than normal carries better across a hall. */
  rate?: number;
  /** Chromium sometimes never fires `end`; after this long the queue moves on anyway. */
  maxUtteranceMs?: number;
}

function browserSynth(): SynthLike | null {
  // The DOM types differ only in event-handler signatures from the shapes used here.
  return typeof speechSynthesis === 'undefined' ? null : (speechSynthesis as unknown as SynthLike);
}

function browserUtterance(text: string): UtteranceLike {
  return new SpeechSynthesisUtterance(text) as unknown as UtteranceLike;
}

/**
 * Says calls one at a time, in the order they were made: a call made while another is being
 * said waits for it, and calling the same ticket again (recall) queues it again.
 */
export class Announcer {
  private tail: Promise<void> = Promise.resolve();
  private waiting = 0;
  private disposed = false;
  /** Held so the utterance is not garbage-collected mid-speech (which loses its `end` event). */
  private speaking: UtteranceLike | undefined;
  private stopSpeaking: (() => void) | undefined;
  private readonly synth: SynthLike | null;
  private readonly createUtterance: (text: string) => UtteranceLike;

  constructor(private readonly options: AnnouncerOptions) {
    this.synth = options.synth === undefined ? browserSynth() : options.synth;
    this.createUtterance = options.createUtterance ?? browserUtterance;
  }

  /** Calls not yet finished, including the one being said. */
  get pending(): number {
    return this.waiting;
  }

  /** Queues the call; resolves once it has been said (or skipped after dispose()). */
  announce(ticket: string, counter: string, lang: Lang = 'zh-CN'): Promise<void> {
    this.waiting++;
    const run = this.tail.then(() => this.sayAll(ticket, counter, lang)).finally(() => this.waiting--);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Stops speaking and drops the queue (the board screen unmounts). */
  dispose(): void {
    this.disposed = true;
    this.stopSpeaking?.();
    this.synth?.cancel();
  }

  private async sayAll(ticket: string, counter: string, lang: Lang): Promise<void> {
    const times = Math.max(1, this.options.times ?? 1);
    for (let i = 0; i < times && !this.disposed; i++) await this.sayOnce(ticket, counter, lang);
  }

  private async sayOnce(ticket: string, counter: string, lang: Lang): Promise<void> {
    const voice = this.synth ? pickVoice(this.synth.getVoices(), lang) : null;
    if (voice && (await this.speak(announcementText(ticket, counter, lang, this.options.t), voice))) return;
    if (this.disposed || !this.options.playClips) return;
    await this.options.playClips(announcementClips(ticket, counter, lang), lang).catch(() => undefined);
  }

  /** Resolves true when the utterance ended, false when speech failed (then clips are tried). */
  private speak(text: string, voice: VoiceLike): Promise<boolean> {
    const synth = this.synth!;
    return new Promise((resolve) => {
      const u = this.createUtterance(text);
      u.voice = voice;
      u.lang = voice.lang;
      u.rate = this.options.rate ?? 0.9;
      const finish = (ok: boolean) => {
        if (this.speaking !== u) return;
        this.speaking = undefined;
        this.stopSpeaking = undefined;
        clearTimeout(timer);
        resolve(ok);
      };
      u.onend = () => finish(true);
      u.onerror = () => finish(false);
      this.speaking = u;
      this.stopSpeaking = () => finish(false);
      const timer = setTimeout(() => {
        synth.cancel();
        finish(true);
      }, this.options.maxUtteranceMs ?? 20_000);
      synth.speak(u);
    });
  }
}
