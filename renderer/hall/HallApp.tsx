/*
 * The hall call board (/hall): current call per counter, the last calls, people waiting per line;
 * announces each call aloud. `?lang=en|ru` shows it in another language, `?announce=zh-CN,en`
 * says each call in several.
 *
 * Test ids:
 *   hall-board                      the screen (<main>)
 *   hall-title, hall-clock          title and the wall clock (HH:mm)
 *   hall-loading, hall-error        before the first answer: loading / the error text
 *   hall-reconnecting               the live channel is down (the board keeps its last data)
 *   hall-stale                      the last refetch failed (last data shown)
 *   hall-offline                    the central server is unreachable
 *   hall-counters                   list of counters; each hall-counter-<n> (class "flash" while
 *                                   newly called, "idle" without a call), number in hall-counter-<n>-number
 *   hall-recent, hall-recent-item   recent calls, newest first (data-number on each item, class "flash")
 *   hall-recent-empty               no calls yet
 *   hall-waiting, hall-waiting-<X>, hall-waiting-<X>-count   people waiting per line X
 *   hall-sound-prompt, hall-sound-enable, hall-sound-mute    the one-time "enable sound" bar
 *   hall-sound-toggle               sound on/off switch in the header (aria-pressed)
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardView } from '../../core/contract/hall-api.js';
import { useLive } from '../shared/useLive.js';
import { applyCall, boardOptions, FLASH_MS, type Call } from './board.js';
import { BoardScreen } from './BoardScreen.js';
import { SoundPrompt, SoundToggle, useSound } from './SoundControls.js';
import { clipPlayer, playChime } from './sound.js';
import { Announcer } from './speech.js';
import { useRefreshing } from './useRefreshing.js';
import './hall.css';

/** A safety net: the board refetches this often even when no live message comes. */
const REFRESH_MS = 30_000;

function useNow(everyMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

export default function HallApp() {
  const { i18n } = useTranslation();
  const [options] = useState(() => boardOptions(window.location.search));
  const board = useRefreshing('board', {}, REFRESH_MS);
  const [shown, setShown] = useState<BoardView | undefined>();
  const [flashing, setFlashing] = useState<ReadonlyMap<string, number>>(new Map());
  const callSeq = useRef(0);
  const now = useNow(5000);
  const sound = useSound();
  const soundOn = useRef(sound.on);
  const announcer = useRef<Announcer | null>(null);
  const speaking = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    if (i18n.language !== options.lang) void i18n.changeLanguage(options.lang);
  }, [i18n, options.lang]);

  useEffect(() => {
    soundOn.current = sound.on;
  }, [sound.on]);

  useEffect(() => {
    const a = new Announcer({ t: (key, opts) => i18n.t(key, opts), playClips: clipPlayer() });
    announcer.current = a;
    return () => a.dispose();
  }, [i18n]);

  useEffect(() => {
    if (board.data) setShown(board.data);
  }, [board.data]);

  const onCall = (call: Call) => {
    setShown((v) => v && applyCall(v, call, new Date().toISOString()));
    const id = ++callSeq.current;
    setFlashing((m) => new Map(m).set(call.number, id));
    setTimeout(() => {
      setFlashing((m) => {
        if (m.get(call.number) !== id) return m;
        const next = new Map(m);
        next.delete(call.number);
        return next;
      });
    }, FLASH_MS);
    board.refetch();
    if (!soundOn.current) return;
    // Calls are said one after another: a chime, then the sentence in each language.
    speaking.current = speaking.current
      .then(async () => {
        await playChime();
        for (const lang of options.announce) await announcer.current?.announce(call.number, String(call.counterNo), lang);
      })
      .catch(() => undefined);
  };

  const live = useLive(
    (msg) => {
      if (msg.type === 'call') onCall(msg);
      else if (msg.type === 'queue') board.refetch();
    },
    { onOpen: board.refetch },
  );

  // "Reconnecting" only once the channel has dropped, not while it first opens.
  const [down, setDown] = useState(false);
  useEffect(() => {
    if (live === 'closed') setDown(true);
    else if (live === 'open') setDown(false);
  }, [live]);

  return (
    <BoardScreen view={shown} lang={options.lang} flashing={flashing} reconnecting={down} error={board.error} now={now} controls={<SoundToggle sound={sound} />} prompt={<SoundPrompt sound={sound} />} />
  );
}
