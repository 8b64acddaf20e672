import type { feedbackApi } from '../../core/contract/index.js';
import type { Db } from '../../core/db/connection.js';
import type { TerminalConfig } from '../config.js';
import type { TerminalRuntime } from '../runtime.js';
import { opinionHandlers } from '../opinions/handlers.js';
import type { Handlers } from './register.js';

type FeedbackHandlers = Pick<Handlers, keyof typeof feedbackApi>;

export function feedbackHandlers(db: Db, _config: TerminalConfig, rt: TerminalRuntime): FeedbackHandlers {
  const { ratings } = rt;
  return {
    // Ratings (好差评): no route here returns a recorded rating, so a clerk never sees who rated what.
    ratingPrompt: () => ({ prompt: ratings.current() }),
    submitRating: ({ body }) => {
      ratings.submit(body.serviceId, body.rating);
      return { recorded: true as const };
    },
    ratingByTicket: async (proof) => {
      const { holderProof: _, ...prompt } = await ratings.byTicket(proof);
      return prompt;
    },
    rateByTicket: async ({ body: { rating, ...proof } }) => {
      await ratings.rateByTicket(proof, rating);
      return { recorded: true as const };
    },
    ...opinionHandlers(db, rt),
  };
}
