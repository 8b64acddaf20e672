import type { certificateApi } from '../../core/contract/index.js';
import type { Db } from '../../core/db/connection.js';
import { PickupDesk, type DeskClerk } from '../certificates/pickup-desk.js';
import type { TerminalConfig } from '../config.js';
import type { ClerkSession } from '../queue/counter-desk.js';
import type { TerminalRuntime } from '../runtime.js';
import type { Handlers } from './register.js';

type CertificateHandlers = Pick<Handlers, keyof typeof certificateApi>;

const deskClerk = (c: ClerkSession): DeskClerk => ({ counterNo: c.counterNo, name: c.staff.name, number: c.staff.number });

/** The counter's pickup desk and the kiosk's self-print and verification (issue 13). */
export function certificateHandlers(db: Db, config: TerminalConfig, rt: TerminalRuntime): CertificateHandlers {
  const desk = new PickupDesk(db, rt.queue, rt.link, rt.ratings, rt.templates);
  return {
    findCertificates: ({ q }) => desk.findSummaries(q),
    getCertificate: ({ id }) => desk.view(id),
    handOverCertificate: ({ id, body }, { clerk }) => desk.handOver(id, body, deskClerk(clerk)),
    reprintCertificate: ({ id, body }, { clerk }) => desk.reprint(id, body.reason, body.lang, deskClerk(clerk)),
    mailCertificate: ({ id, body }, { clerk }) => desk.mail(id, body, 'zh-CN', deskClerk(clerk)),
    mailState: ({ id, body }, { clerk }) => desk.mailState(id, body, deskClerk(clerk)),
    electronicLink: ({ id }, { clerk }) => desk.electronicLink(id, clerk),
    kioskPrintCertificate: ({ body }) => desk.kioskPrint(body),
    trackCertificate: (query) => desk.track(query),
    verifyCertificate: ({ body }) => desk.verify(body.payload),
  };
}
