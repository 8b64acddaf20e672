import { AppError, pickLang, type hallApi, type Slip } from '../../core/contract/index.js';
import { conflictsOfDay } from '../../core/queue/conflicts.js';
import { currentAnnouncements } from '../../core/queue/reference.js';
import { getProcedureDetail } from '../../core/catalog/repository.js';
import { listRecent, toPrintJob } from '../../core/print/jobs.js';
import { listA4Jobs, reprintA4Job, toA4Job } from '../../core/print/a4-jobs.js';
import type { Db } from '../../core/db/connection.js';
import type { TerminalConfig } from '../config.js';
import type { TerminalRuntime } from '../runtime.js';
import { syncStatus } from '../sync/status.js';
import type { Handlers } from './register.js';

type HallHandlers = Pick<Handlers, keyof typeof hallApi>;

export function hallHandlers(db: Db, config: TerminalConfig, rt: TerminalRuntime): HallHandlers {
  const { queue, desk, printer } = rt;
  return {
    announcements: ({ lang }) => ({
      announcements: currentAnnouncements(db, queue.hall(), queue.today()).map((a) => ({ id: a.id, text: pickLang(a.text, lang), until: a.until })),
    }),
    syncStatus: () => ({
      ...syncStatus(db, rt.link.online, config.clockBoundMs, rt.client.clockOffset(), rt.client.lastFailure()),
      conflicts: conflictsOfDay(db, queue.hall(), queue.today()),
      timeZone: config.timeZone,
    }),
    queueLines: ({ lang }) => queue.lines(lang),
    procedureLine: ({ id, lang }) => {
      const p = getProcedureDetail(db, id, lang);
      if (!p) throw new AppError('NOT_FOUND');
      return queue.lineOf(p.code, lang);
    },
    takeTicket: ({ body }) => queue.issue(body.service, body.lang, body.print),
    checkin: ({ body }) => queue.checkin(body),
    checkinByPhone: ({ last4 }) => queue.byPhone(last4),
    printerStatus: () => printer.status(),
    printChecklist: ({ id, body }) => {
      const p = getProcedureDetail(db, id, body.lang);
      if (!p) throw new AppError('NOT_FOUND');
      const slip: Slip = {
        kind: 'checklist',
        lang: body.lang,
        procedureCode: p.code,
        procedureName: p.name,
        materials: p.materials.map((m) => ({ name: m.name, originals: m.originals, copies: m.copies })),
        timeLimit: p.promisedDays !== null ? String(p.promisedDays) : undefined,
        office: p.department.place,
        phone: p.department.phone,
        printedAt: new Date().toISOString(),
      };
      // Like a ticket, a checklist is not queued for a printer known to be down: it would come out after the visitor left.
      const { job } = printer.submit(slip);
      return { jobId: job?.id ?? null, printer: printer.status() };
    },
    board: () => queue.board(),
    counterLogin: ({ body }) => desk.login(body.login, body.password, body.counterNo, body.supervisor),
    // Staff routes: the clerk's session was resolved in route registration (register.ts).
    counterLogout: async (_i, { clerk }) => {
      await desk.logout(clerk);
      return { ok: true as const };
    },
    counterPresence: ({ body }, { clerk }) => desk.setPresence(clerk, body.state),
    windowClerk: () => ({ clerk: desk.atWindow() }),
    counterQueue: (_i, { clerk }) => desk.view(clerk),
    counterAction: ({ body }, { clerk }) => desk.act(clerk, body),
    counterConflictRead: ({ id }, { clerk }) => desk.readConflict(clerk, id),
    createAppointment: ({ body }, { clerk }) => desk.createAppointment(clerk, body),
    cancelAppointment: ({ id, body }, { clerk }) => desk.cancelAppointment(clerk, id, body),
    listAppointments: ({ date }, { clerk }) => desk.appointments(clerk, date),
    printJobs: () => ({ jobs: listRecent(db, 30).map(toPrintJob) }),
    reprint: ({ id }) => toPrintJob(printer.reprint(id)),
    a4Jobs: () => ({ configured: rt.a4 !== null, jobs: listA4Jobs(db, 30).map(toA4Job) }),
    reprintA4: ({ id }) => toA4Job(reprintA4Job(db, id, queue.now())),
  };
}
