import { AppError, type feedbackApi } from '../../core/contract/index.js';
import type { Handlers } from './register.js';

type FeedbackHandlers = Pick<Handlers, keyof typeof feedbackApi>;

/** Placeholder until ratings and the opinion box land in the terminal service. */
export function feedbackHandlers(): FeedbackHandlers {
  const notYet = () => {
    throw new AppError('NOT_FOUND');
  };
  const names = ['ratingPrompt', 'submitRating', 'ratingByTicket', 'rateByTicket', 'fileOpinion', 'trackOpinion'] as const;
  return Object.fromEntries(names.map((n) => [n, notYet])) as unknown as FeedbackHandlers;
}
