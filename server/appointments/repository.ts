import { randomInt } from 'node:crypto';
import type { Selectable, Transaction } from 'kysely';
import { ulid } from 'ulid';
import { ServerError, type Appointment, type CancelAppointmentRequest, type NewAppointment, type Ticket } from '../../core/contract/index.js';
import type { ServerDb } from '../db/connection.js';
import type { ServerSchema } from '../db/schema.js';
import { hallConfig, serverCatalog } from '../halls/repository.js';
import { hallDay } from '../../core/common/hall-time.js';
import { maskPhone as maskPhoneText } from '../../core/common/mask-name.js';
import type { AppointmentsTable } from '../queue/schema.js';
import { appendChange } from '../sync/append.js';

type Row = Selectable<AppointmentsTable>;

/** 13812345678 → 138****5678; a landline keeps its first three and last four digits the same way. */
export function maskPhone(phone: string): { phoneMasked: string; phoneLast4: string } {
  return { phoneMasked: maskPhoneText(phone), phoneLast4: phone.replace(/\D/g, '').slice(-4) };
}

/** The shape terminals hold: never the full phone. */
export function toAppointment(r: Row): Appointment {
  return {
    id: r.id,
    code: r.code,
    hall: r.hall,
    enterprise: r.enterprise,
    ...maskPhone(r.phone),
    matter: r.matter,
    procedureCode: r.procedure_code,
    service: r.service,
    date: r.day,
    from: r.time_from,
    to: r.time_to,
    state: r.state,
    ticketId: r.ticket_id,
    createdAt: r.created_at.toISOString(),
    ...(r.state === 'cancelled' && r.cancelled_at && r.cancelled_by ? { cancelled: { at: r.cancelled_at.toISOString(), by: r.cancelled_by, reason: r.cancel_reason } } : {}),
  };
}

const invalid = (path: string, message: string) => new ServerError('VALIDATION_FAILED', [{ path, message }]);

/**
 * Books an appointment in a hall: a unique six-digit code (among booked appointments), the full
 * phone kept on the server only, and an 'appointment' change for the hall's terminals.
 */
export async function createAppointment(db: ServerDb, hall: string, input: NewAppointment & { createdBy: string }, now: number, timeZone: string): Promise<Appointment> {
  const config = await hallConfig(db, hall);
  if (!config?.config.services.some((s) => s.code === input.service)) throw new ServerError('UNKNOWN_SERVICE');
  if (input.date < hallDay(now, timeZone)) throw invalid('date', 'the date has passed');
  if (input.from >= input.to) throw invalid('to', 'the end must be after the start');
  const staff = await db.selectFrom('staff').select('disabled_at').where('login', '=', input.createdBy).executeTakeFirst();
  if (!staff || staff.disabled_at) throw invalid('createdBy', 'no such active staff account');
  if (input.procedureCode) {
    const catalog = await serverCatalog(db);
    // A server that holds no catalog cannot tell a real procedure from a typo: it books none.
    if (!catalog) throw invalid('procedureCode', 'no catalog imported: this server knows no procedure yet (server:admin catalog import FILE)');
    if (!catalog.procedures.some((p) => p.code === input.procedureCode)) throw invalid('procedureCode', 'not a procedure of the catalog');
  }

  const id = ulid(now);
  for (let attempt = 0; attempt < 50; attempt++) {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const stored = await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('appointments')
        .values({
          id,
          code,
          hall,
          enterprise: input.enterprise,
          phone: input.contactPhone,
          matter: input.matter,
          procedure_code: input.procedureCode,
          service: input.service,
          day: input.date,
          time_from: input.from,
          time_to: input.to,
          state: 'booked',
          ticket_id: null,
          created_by: input.createdBy,
          created_at: new Date(now),
          checked_in_at: null,
        })
        .onConflict((oc) => oc.column('code').where('state', '=', 'booked').doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!row) return null; // the code is taken: try another
      const appointment = toAppointment(row);
      await appendChange(trx, { entity: 'appointment', key: id, op: 'upsert', data: appointment }, new Date(now));
      return appointment;
    });
    if (stored) return stored;
  }
  throw new ServerError('INTERNAL');
}

export async function listAppointments(db: ServerDb, hall: string, date: string): Promise<Appointment[]> {
  const rows = await db.selectFrom('appointments').selectAll().where('hall', '=', hall).where('day', '=', date).orderBy('time_from').orderBy('id').execute();
  return rows.map(toAppointment);
}

/** Appointments from `today` on, cancelled ones too (a kiosk then says "cancelled", not "not found"): what a terminal's snapshot holds. */
export async function upcomingAppointments(db: ServerDb, today: string): Promise<Appointment[]> {
  const rows = await db.selectFrom('appointments').selectAll().where('day', '>=', today).orderBy('day').orderBy('time_from').orderBy('id').execute();
  return rows.map(toAppointment);
}

/** Why a ticket is not the check-in of its appointment (see the Ticket contract's appointmentFlag). */
export type AppointmentFlag = NonNullable<Ticket['appointmentFlag']>;

/**
 * Checks an appointment in with its ticket, once, in the caller's transaction. The row is locked
 * (FOR UPDATE), so two check-ins at one moment are decided one after the other. A booked one is
 * marked checked in and the change appended. One already checked in with another ticket keeps that
 * first ticket and answers 'checked-in-twice'; a cancelled one stays cancelled and answers
 * 'cancelled'. Unknown, or checked in with this very ticket: null, nothing changes.
 */
export async function checkInAppointment(trx: Transaction<ServerSchema>, appointmentId: string, ticketId: string, at: Date): Promise<AppointmentFlag | null> {
  const known = await trx.selectFrom('appointments').select(['state', 'ticket_id']).where('id', '=', appointmentId).forUpdate().executeTakeFirst();
  if (!known) return null;
  if (known.state === 'cancelled') return 'cancelled';
  if (known.state === 'checked-in') return known.ticket_id === ticketId ? null : 'checked-in-twice';
  const row = await trx
    .updateTable('appointments')
    .set({ state: 'checked-in', ticket_id: ticketId, checked_in_at: at })
    .where('id', '=', appointmentId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendChange(trx, { entity: 'appointment', key: row.id, op: 'upsert', data: toAppointment(row) }, at);
  return null;
}

/**
 * Cancels a booked appointment of the hall and appends the change in the same transaction. One
 * checked in or already cancelled is refused, except a retry of the very request that cancelled it,
 * which answers the same appointment and appends nothing.
 */
export async function cancelAppointment(db: ServerDb, hall: string, id: string, req: CancelAppointmentRequest & { cancelledBy: string }, now: number): Promise<Appointment> {
  const staff = await db.selectFrom('staff').select('disabled_at').where('login', '=', req.cancelledBy).executeTakeFirst();
  if (!staff || staff.disabled_at) throw invalid('cancelledBy', 'no such active staff account');
  return db.transaction().execute(async (trx) => {
    const at = new Date(now);
    const row = await trx
      .updateTable('appointments')
      .set({ state: 'cancelled', cancelled_by: req.cancelledBy, cancelled_at: at, cancel_reason: req.reason || null, cancel_request_id: req.requestId })
      .where('id', '=', id)
      .where('hall', '=', hall)
      .where('state', '=', 'booked')
      .returningAll()
      .executeTakeFirst();
    if (row) {
      const appointment = toAppointment(row);
      await appendChange(trx, { entity: 'appointment', key: id, op: 'upsert', data: appointment }, at);
      return appointment;
    }
    const known = await trx.selectFrom('appointments').selectAll().where('id', '=', id).where('hall', '=', hall).executeTakeFirst();
    if (!known) throw new ServerError('NOT_FOUND');
    if (known.state === 'cancelled' && known.cancel_request_id === req.requestId) return toAppointment(known);
    throw new ServerError(known.state === 'cancelled' ? 'APPOINTMENT_CANCELLED' : 'APPOINTMENT_CHECKED_IN');
  });
}
