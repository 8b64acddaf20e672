import type { Db } from '../../core/db/connection.js';
import type { Handlers } from '../api/register.js';
import type { TerminalRuntime } from '../runtime.js';
import { OpinionBox } from './opinion-box.js';

/** The opinion box's two routes: file (and print the tracking slip), and look up progress. */
export function opinionHandlers(db: Db, rt: TerminalRuntime): Pick<Handlers, 'fileOpinion' | 'trackOpinion'> {
  const box = new OpinionBox(db, rt.link, rt.printer, rt.queue.now);
  return {
    fileOpinion: ({ body }) => box.file(body),
    trackOpinion: (query) => box.track(query),
  };
}
