import { describe, expect, it } from 'vitest';
import type { Lang } from '../../core/contract/common.js';
import { createI18n } from '../i18n/i18n.js';
import { Announcer, announcementClips, announcementText, pickVoice, type SynthLike, type UtteranceLike, type VoiceLike } from './speech.js';

const t = createI18n('zh-CN').t;

const voice = (lang: string, name = lang, localService = true): VoiceLike => ({ lang, name, localService });
const ESPEAK_EN = voice('en-US', 'English (America) espeak');
const ESPEAK_CMN = voice('cmn', 'Chinese (Mandarin) espeak');
const ESPEAK_YUE = voice('yue', 'Chinese (Cantonese) espeak');

/** A speechSynthesis that speaks nothing until the test says an utterance has ended. */
class FakeSynth implements SynthLike {
  spoken: UtteranceLike[] = [];
  current: UtteranceLike | undefined;
  constructor(public voices: VoiceLike[]) {}
  getVoices(): VoiceLike[] {
    return this.voices;
  }
  speak(u: UtteranceLike): void {
    if (this.current) throw new Error('overlapping speech');
    this.current = u;
    this.spoken.push(u);
  }
  cancel(): void {
    const u = this.current;
    this.current = undefined;
    u?.onerror?.();
  }
  end(): void {
    const u = this.current;
    this.current = undefined;
    u?.onend?.();
  }
  fail(): void {
    this.cancel();
  }
}

const utterance = (text: string): UtteranceLike => ({ text, lang: '', voice: null, rate: 1, onend: null, onerror: null });
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('announcementText', () => {
  it('reads the ticket digit by digit and the counter as a number, in each language', () => {
    expect(announcementText('A012', '3', 'zh-CN', t)).toBe('请 A 零 一 二 号到 3 号窗口办理');
    expect(announcementText('A012', '3', 'en', t)).toBe('Ticket A zero one two, please go to counter 3');
    expect(announcementText('A012', '3', 'ru', t)).toBe('Талон A ноль один два, пройдите к окну 3');
  });

  it('takes lower-case and separators in its stride', () => {
    expect(announcementText('b-907', '12', 'zh-CN', t)).toBe('请 B 九 零 七 号到 12 号窗口办理');
  });
});

describe('announcementClips', () => {
  it('lists the recorded clips for the same call', () => {
    expect(announcementClips('A012', '3', 'zh-CN')).toEqual(['please', 'A', '0', '1', '2', 'hao', 'to', '3', 'window']);
    expect(announcementClips('A012', '3', 'en')).toEqual(['ticket', 'A', '0', '1', '2', 'go-to-counter', '3']);
    expect(announcementClips('A012', '3', 'ru')).toEqual(['ticket', 'A', '0', '1', '2', 'go-to-window', '3']);
  });
});

describe('pickVoice', () => {
  it('picks a Mandarin voice for Chinese even when English is listed first', () => {
    expect(pickVoice([ESPEAK_EN, ESPEAK_YUE, ESPEAK_CMN], 'zh-CN')).toBe(ESPEAK_CMN);
  });

  it('prefers zh-CN over a bare zh or Taiwan voice, and a local voice over a network one', () => {
    const tw = voice('zh-TW');
    const zh = voice('zh');
    const online = voice('zh-CN', 'Google 普通话（中国大陆）', false);
    const local = voice('zh_CN', 'Tingting');
    expect(pickVoice([tw, zh], 'zh-CN')).toBe(zh);
    expect(pickVoice([tw, zh, online], 'zh-CN')).toBe(online);
    expect(pickVoice([online, local, zh], 'zh-CN')).toBe(local);
  });

  it('returns null rather than let an English or Cantonese voice read Chinese', () => {
    expect(pickVoice([ESPEAK_EN, ESPEAK_YUE, voice('zh-HK')], 'zh-CN')).toBeNull();
    expect(pickVoice([], 'zh-CN')).toBeNull();
  });

  it('finds English and Russian voices by language', () => {
    const ru = voice('ru-RU');
    expect(pickVoice([ESPEAK_CMN, ru, ESPEAK_EN], 'ru')).toBe(ru);
    expect(pickVoice([ESPEAK_CMN, ru, ESPEAK_EN], 'en')).toBe(ESPEAK_EN);
    expect(pickVoice([ESPEAK_CMN], 'ru')).toBeNull();
  });
});

describe('Announcer', () => {
  it('speaks with the Mandarin voice, one call at a time, in the order called', async () => {
    const synth = new FakeSynth([ESPEAK_EN, ESPEAK_CMN]);
    const a = new Announcer({ t, synth, createUtterance: utterance });
    const first = a.announce('A012', '3');
    const second = a.announce('A013', '5');
    await settle();
    expect(synth.spoken.map((u) => u.text)).toEqual(['请 A 零 一 二 号到 3 号窗口办理']);
    expect(synth.spoken[0]!.voice).toBe(ESPEAK_CMN);
    expect(synth.spoken[0]!.lang).toBe('cmn');
    expect(a.pending).toBe(2);

    synth.end();
    await first;
    await settle();
    expect(synth.spoken.map((u) => u.text)).toEqual(['请 A 零 一 二 号到 3 号窗口办理', '请 A 零 一 三 号到 5 号窗口办理']);
    synth.end();
    await second;
    expect(a.pending).toBe(0);
  });

  it('a recall of the same ticket is said again, after the first', async () => {
    const synth = new FakeSynth([ESPEAK_CMN]);
    const a = new Announcer({ t, synth, createUtterance: utterance });
    const calls = [a.announce('A012', '3'), a.announce('A012', '3')];
    for (let i = 0; i < 2; i++) {
      await settle();
      synth.end();
    }
    await Promise.all(calls);
    expect(synth.spoken.map((u) => u.text)).toEqual(['请 A 零 一 二 号到 3 号窗口办理', '请 A 零 一 二 号到 3 号窗口办理']);
  });

  it('says each call as many times as configured', async () => {
    const synth = new FakeSynth([voice('en-GB')]);
    const a = new Announcer({ t, synth, createUtterance: utterance, times: 2 });
    const call = a.announce('C101', '7', 'en');
    for (let i = 0; i < 2; i++) {
      await settle();
      synth.end();
    }
    await call;
    expect(synth.spoken.map((u) => u.text)).toEqual(['Ticket C one zero one, please go to counter 7', 'Ticket C one zero one, please go to counter 7']);
  });

  it('without a Mandarin voice plays the recorded clips instead, never overlapping', async () => {
    const synth = new FakeSynth([ESPEAK_EN]);
    const played: { clips: string[]; lang: Lang }[] = [];
    let playing = false;
    const playClips = async (clips: string[], lang: Lang) => {
      if (playing) throw new Error('overlapping clips');
      playing = true;
      played.push({ clips, lang });
      await settle();
      playing = false;
    };
    const a = new Announcer({ t, synth, createUtterance: utterance, playClips });
    await Promise.all([a.announce('A012', '3'), a.announce('B020', '4')]);
    expect(synth.spoken).toEqual([]);
    expect(played).toEqual([
      { clips: ['please', 'A', '0', '1', '2', 'hao', 'to', '3', 'window'], lang: 'zh-CN' },
      { clips: ['please', 'B', '0', '2', '0', 'hao', 'to', '4', 'window'], lang: 'zh-CN' },
    ]);
  });

  it('falls back to the clips when speaking fails', async () => {
    const synth = new FakeSynth([ESPEAK_CMN]);
    const played: string[][] = [];
    const a = new Announcer({ t, synth, createUtterance: utterance, playClips: async (clips) => void played.push(clips) });
    const call = a.announce('A012', '3');
    await settle();
    synth.fail();
    await call;
    expect(played).toEqual([['please', 'A', '0', '1', '2', 'hao', 'to', '3', 'window']]);
  });

  it('works in a browser without speechSynthesis at all', async () => {
    const played: string[][] = [];
    const a = new Announcer({ t, synth: null, playClips: async (clips) => void played.push(clips) });
    await a.announce('A012', '3');
    expect(played).toHaveLength(1);
  });

  it('dispose() stops the current call and drops the queued ones', async () => {
    const synth = new FakeSynth([ESPEAK_CMN]);
    const played: string[][] = [];
    const a = new Announcer({ t, synth, createUtterance: utterance, playClips: async (clips) => void played.push(clips) });
    const calls = [a.announce('A012', '3'), a.announce('A013', '3')];
    await settle();
    a.dispose();
    await Promise.all(calls);
    expect(synth.spoken).toHaveLength(1);
    expect(played).toEqual([]);
  });
});
