import { BAD_REASONS, isBadRating, RATING_LEVELS, type RatingInput, type RatingLevel } from '../../core/contract/ratings.js';

export type BadReason = (typeof BAD_REASONS)[number];
export { BAD_REASONS, RATING_LEVELS, isBadRating };

/** At most what the contract takes; the textarea stops there too. */
export const COMMENT_MAX = 500;

/** Whether the chosen level with these reasons can be sent: a bad rating needs at least one reason. */
export function canSubmit(level: RatingLevel | null, reasons: readonly BadReason[]): boolean {
  if (level === null) return false;
  return !isBadRating(level) || reasons.length > 0;
}

/** The body sent for a rating: reasons and comment belong to bad ratings only. */
export function ratingInput(level: RatingLevel, reasons: readonly BadReason[], comment: string): RatingInput {
  if (!isBadRating(level)) return { level, reasons: [], comment: null };
  const text = comment.trim().slice(0, COMMENT_MAX);
  return { level, reasons: BAD_REASONS.filter((r) => reasons.includes(r)), comment: text === '' ? null : text };
}

export function toggleReason(reasons: readonly BadReason[], reason: BadReason): BadReason[] {
  return reasons.includes(reason) ? reasons.filter((r) => r !== reason) : [...reasons, reason];
}

/** What the rating screen shows: nothing to rate, a service to rate, or thanks for the one just rated. */
export type RatingView = { kind: 'idle' } | { kind: 'rate'; serviceId: string } | { kind: 'thanks' };

/**
 * `finished` holds services this screen has done with (rated, already rated, thanks shown): they
 * are never asked about again even if the prompt lingers, so one service gets one rating.
 */
export function ratingView(promptServiceId: string | null, thanksFor: string | null, finished: ReadonlySet<string>): RatingView {
  if (thanksFor !== null) return { kind: 'thanks' };
  if (promptServiceId === null || finished.has(promptServiceId)) return { kind: 'idle' };
  return { kind: 'rate', serviceId: promptServiceId };
}
