import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { audioAllowed, loadSoundChoice, onAudioStateChange, saveSoundChoice, soundPlan, unlockAudio, type SoundChoice } from './sound.js';

export interface Sound {
  /** Show the "click to enable sound" prompt. */
  ask: boolean;
  /** Calls are announced aloud. */
  on: boolean;
  enable: () => void;
  mute: () => void;
}

/** The board's sound: the remembered choice, and whether this browser lets the page play audio yet. */
export function useSound(): Sound {
  const [choice, setChoice] = useState<SoundChoice | null>(() => loadSoundChoice());
  const [allowed, setAllowed] = useState(() => audioAllowed());
  // A new audio context runs a moment after it is created where the browser allows sound: wait
  // that moment before asking, so an allowed board never flashes the prompt.
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    const id = setTimeout(() => setSettled(true), 1000);
    return () => clearTimeout(id);
  }, []);
  const plan = soundPlan(choice, allowed);
  if (!settled) plan.ask = false;

  const enable = useCallback(() => {
    saveSoundChoice('on');
    setChoice('on');
    // Inside the click: this is what the browser waits for.
    void unlockAudio();
    setAllowed(true);
  }, []);
  const mute = useCallback(() => {
    saveSoundChoice('off');
    setChoice('off');
  }, []);

  useEffect(() => onAudioStateChange(() => setAllowed((was) => was || audioAllowed())), []);

  // "Click anywhere": any press on the board (but the mute button) turns sound on.
  useEffect(() => {
    if (!plan.ask) return;
    const onPress = (ev: Event) => {
      if ((ev.target as Element | null)?.closest?.('[data-sound-mute]')) return;
      enable();
    };
    document.addEventListener('pointerdown', onPress);
    document.addEventListener('keydown', onPress);
    return () => {
      document.removeEventListener('pointerdown', onPress);
      document.removeEventListener('keydown', onPress);
    };
  }, [plan.ask, enable]);

  return { ...plan, enable, mute };
}

/** The bar along the bottom that asks once for sound; it leaves the numbers in view. */
export function SoundPrompt({ sound }: { sound: Sound }) {
  const { t } = useTranslation();
  if (!sound.ask) return null;
  return (
    <div className="hall-sound-prompt" role="dialog" aria-labelledby="hall-sound-prompt-text" data-testid="hall-sound-prompt">
      <p id="hall-sound-prompt-text">{t('hall.sound.prompt')}</p>
      <div className="hall-sound-actions">
        <button type="button" className="hall-button primary" onClick={sound.enable} data-testid="hall-sound-enable">
          {t('hall.sound.enable')}
        </button>
        <button type="button" className="hall-button" onClick={sound.mute} data-sound-mute="" data-testid="hall-sound-mute">
          {t('hall.sound.mute')}
        </button>
      </div>
      <small>{t('hall.sound.why')}</small>
    </div>
  );
}

/** The discreet switch in the header, for whoever looks after the TV. */
export function SoundToggle({ sound }: { sound: Sound }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="hall-sound-toggle"
      aria-pressed={sound.on}
      onClick={sound.on ? sound.mute : sound.enable}
      data-sound-mute={sound.on ? '' : undefined}
      data-testid="hall-sound-toggle"
    >
      {sound.on ? t('hall.sound.on') : t('hall.sound.off')}
    </button>
  );
}
