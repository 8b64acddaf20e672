import type { Db } from '../../core/db/connection.js';
import type { Handlers } from '../api/register.js';
import { provedCertificate } from '../certificates/pickup-desk.js';
import type { TerminalRuntime } from '../runtime.js';
import { OpinionBox } from './opinion-box.js';

/** The opinion box's two routes: file (and print the tracking slip), and look up progress. */
export function opinionHandlers(db: Db, rt: TerminalRuntime): Pick<Handlers, 'fileOpinion' | 'trackOpinion'> {
  const proves = (code: string, last4: string) => provedCertificate(db, rt.queue.hall(), code, last4) !== null;
  const box = new OpinionBox(db, rt.link, rt.printer, rt.queue.now, undefined, proves);
  return {
    fileOpinion: ({ body }) => box.file(body),
    trackOpinion: (query) => box.track(query),
  };
}
