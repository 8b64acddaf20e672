import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RatingInput, RatingLevel } from '../../core/contract/ratings.js';
import { currentLang } from '../i18n/i18n.js';
import { applyKey } from '../shared/keyboard/Osk.js';
import { PinyinKeyboard } from '../shared/keyboard/PinyinKeyboard.js';
import { BAD_REASONS, canSubmit, COMMENT_MAX, isBadRating, RATING_LEVELS, ratingInput, toggleReason, type BadReason } from './logic.js';

/** The five levels as words, 5 非常满意 … 1 非常不满意 (literal keys, so the locale test sees them). */
export function useLevelWords(): Record<RatingLevel, string> {
  const { t } = useTranslation();
  return { 5: t('rating.level5'), 4: t('rating.level4'), 3: t('rating.level3'), 2: t('rating.level2'), 1: t('rating.level1') };
}

export function useReasonWords(): Record<BadReason, string> {
  const { t } = useTranslation();
  return {
    efficiency: t('rating.reason.efficiency'),
    attitude: t('rating.reason.attitude'),
    explanation: t('rating.reason.explanation'),
    'repeat-visits': t('rating.reason.repeatVisits'),
    unresolved: t('rating.reason.unresolved'),
    rules: t('rating.reason.rules'),
    environment: t('rating.reason.environment'),
  };
}

/**
 * Choose a level; a good one (5–3) is sent at once, a bad one (2, 1) asks for at least one reason
 * and an optional comment first. Words on every button, stars only beside them: never colour alone.
 */
export function RatingForm({ busy, onSubmit }: { busy: boolean; onSubmit: (rating: RatingInput) => void }) {
  const [bad, setBad] = useState<RatingLevel | null>(null);
  const [reasons, setReasons] = useState<BadReason[]>([]);
  const [comment, setComment] = useState('');
  if (bad === null) return <LevelButtons busy={busy} onChoose={(level) => (isBadRating(level) ? setBad(level) : onSubmit(ratingInput(level, [], '')))} />;
  return (
    <ReasonsPanel
      level={bad}
      reasons={reasons}
      comment={comment}
      busy={busy}
      onToggle={(r) => setReasons((rs) => toggleReason(rs, r))}
      onComment={setComment}
      onBack={() => setBad(null)}
      onSubmit={() => onSubmit(ratingInput(bad, reasons, comment))}
    />
  );
}

export function LevelButtons({ busy, onChoose }: { busy: boolean; onChoose: (level: RatingLevel) => void }) {
  const { t } = useTranslation();
  const words = useLevelWords();
  return (
    <div className="rating-levels" role="group" aria-label={t('rating.levelsLabel')} data-testid="rating-levels">
      {RATING_LEVELS.map((level) => (
        <button
          key={level}
          type="button"
          className={`rating-level level-${level}${isBadRating(level) ? ' bad' : ''}`}
          data-testid={`rating-level-${level}`}
          disabled={busy}
          aria-busy={busy}
          onClick={() => onChoose(level)}
        >
          <span className="rating-stars" aria-hidden="true">
            {'★'.repeat(level)}
            <span className="rating-stars-off">{'☆'.repeat(5 - level)}</span>
          </span>
          <span className="rating-word">{words[level]}</span>
        </button>
      ))}
      {busy && (
        <p className="rating-busy" role="status" data-testid="rating-busy">
          {t('rating.sending')}
        </p>
      )}
    </div>
  );
}

export interface ReasonsPanelProps {
  level: RatingLevel;
  reasons: readonly BadReason[];
  comment: string;
  busy: boolean;
  onToggle: (reason: BadReason) => void;
  onComment: (text: string) => void;
  onBack: () => void;
  onSubmit: () => void;
}

export function ReasonsPanel({ level, reasons, comment, busy, onToggle, onComment, onBack, onSubmit }: ReasonsPanelProps) {
  const { t, i18n } = useTranslation();
  // A touch screen has no input method of its own: the on-screen keyboard comes when asked for.
  const [keyboard, setKeyboard] = useState(false);
  const words = useLevelWords();
  const reasonWords = useReasonWords();
  const ready = canSubmit(level, reasons);
  return (
    <div className="rating-reasons" data-testid="rating-reasons" data-level={level}>
      <p className="rating-chosen">
        {t('rating.chosen')} <strong data-testid="rating-chosen">{words[level]}</strong>
      </p>
      <h2 className="rating-ask">{t('rating.reasonsAsk')}</h2>
      <div className="rating-reason-list" role="group" aria-label={t('rating.reasonsAsk')}>
        {BAD_REASONS.map((r) => (
          <button key={r} type="button" className="rating-reason" data-testid={`rating-reason-${r}`} aria-pressed={reasons.includes(r)} disabled={busy} onClick={() => onToggle(r)}>
            <span className="rating-check" aria-hidden="true">
              {reasons.includes(r) ? '✓' : ''}
            </span>
            {reasonWords[r]}
          </button>
        ))}
      </div>
      <label className="rating-comment-label">
        {t('rating.commentLabel')}
        <textarea className="rating-comment" data-testid="rating-comment" maxLength={COMMENT_MAX} rows={3} value={comment} disabled={busy} onChange={(e) => onComment(e.target.value)} />
      </label>
      {keyboard ? (
        <PinyinKeyboard startInPinyin={currentLang(i18n) === 'zh-CN'} onKey={(k) => onComment(applyKey(comment, k).slice(0, COMMENT_MAX))} />
      ) : (
        <button type="button" className="button rating-keyboard" data-testid="rating-comment-keyboard" disabled={busy} onClick={() => setKeyboard(true)}>
          {t('rating.commentKeyboard')}
        </button>
      )}
      {!ready && (
        <p className="rating-hint" data-testid="rating-need-reason">
          {t('rating.needReason')}
        </p>
      )}
      <div className="rating-actions">
        <button type="button" className="button rating-back" data-testid="rating-back" disabled={busy} onClick={onBack}>
          {t('rating.back')}
        </button>
        <button type="button" className="button primary rating-submit" data-testid="rating-submit" disabled={!ready || busy} aria-busy={busy} onClick={onSubmit}>
          {busy ? t('rating.sending') : t('rating.submit')}
        </button>
      </div>
    </div>
  );
}
