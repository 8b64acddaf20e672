import { Announcement, Appointment, HallConfig, StaffCredential, type StaffCredentialInput, type SyncChange } from '../contract/index.js';
import type { Db } from '../db/connection.js';

/** Server-owned reference data of the queue as it lands on a terminal (DESIGN.md §5: server-authoritative). */

export function putStaff(db: Db, input: StaffCredentialInput): void {
  const s = StaffCredential.parse(input);
  db.prepare(
    `INSERT INTO staff (login, name, number, role, password_hash, disabled, latin_name, photo) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (login) DO UPDATE SET name = excluded.name, number = excluded.number, role = excluded.role,
       password_hash = excluded.password_hash, disabled = excluded.disabled, latin_name = excluded.latin_name, photo = excluded.photo`,
  ).run(s.login, s.name, s.number, s.role, s.passwordHash, s.disabled ? 1 : 0, s.latinName, s.photo === null ? null : Buffer.from(s.photo, 'base64'));
}

type StaffRow = { login: string; name: string; number: string; role: StaffCredential['role']; password_hash: string; disabled: number; latin_name: string | null; photo: Buffer | null };

export function getStaff(db: Db, login: string): StaffCredential | null {
  const r = db.prepare('SELECT * FROM staff WHERE login = ?').get(login) as StaffRow | undefined;
  return r
    ? { login: r.login, name: r.name, number: r.number, role: r.role, passwordHash: r.password_hash, disabled: r.disabled === 1, latinName: r.latin_name, photo: r.photo ? r.photo.toString('base64') : null }
    : null;
}

export function putHallConfig(db: Db, c: HallConfig): void {
  db.prepare('INSERT INTO hall_config (hall, doc) VALUES (?, ?) ON CONFLICT (hall) DO UPDATE SET doc = excluded.doc').run(c.hall, JSON.stringify(c));
}

export function getHallConfig(db: Db, hall: string): HallConfig | null {
  const r = db.prepare('SELECT doc FROM hall_config WHERE hall = ?').get(hall) as { doc: string } | undefined;
  return r ? HallConfig.parse(JSON.parse(r.doc)) : null;
}

export function putAppointment(db: Db, a: Appointment): void {
  db.prepare(
    `INSERT INTO appointment (id, code, hall, date, phone_last4, state, doc) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET code = excluded.code, hall = excluded.hall, date = excluded.date,
       phone_last4 = excluded.phone_last4, state = excluded.state, doc = excluded.doc`,
  ).run(a.id, a.code, a.hall, a.date, a.phoneLast4, a.state, JSON.stringify(a));
}

function rowsToAppointments(rows: { doc: string }[]): Appointment[] {
  return rows.map((r) => Appointment.parse(JSON.parse(r.doc)));
}

export function getAppointment(db: Db, id: string): Appointment | null {
  return rowsToAppointments(db.prepare('SELECT doc FROM appointment WHERE id = ?').all(id) as { doc: string }[])[0] ?? null;
}

/** A code freed by a cancellation may be booked again: the live appointment wins over the cancelled one. */
export function appointmentByCode(db: Db, hall: string, code: string, date: string): Appointment | null {
  const rows = db.prepare("SELECT doc FROM appointment WHERE code = ? AND hall = ? AND date = ? ORDER BY state = 'cancelled', id DESC").all(code, hall, date) as { doc: string }[];
  return rowsToAppointments(rows)[0] ?? null;
}

export function appointmentsByPhone(db: Db, hall: string, last4: string, date: string): Appointment[] {
  const rows = db.prepare("SELECT doc FROM appointment WHERE phone_last4 = ? AND hall = ? AND date = ? AND state = 'booked' ORDER BY doc ->> 'from'").all(last4, hall, date) as { doc: string }[];
  return rowsToAppointments(rows);
}

export function appointmentsOn(db: Db, hall: string, date: string): Appointment[] {
  const rows = db.prepare("SELECT doc FROM appointment WHERE hall = ? AND date = ? ORDER BY doc ->> 'from', id").all(hall, date) as { doc: string }[];
  return rowsToAppointments(rows);
}

export function putAnnouncement(db: Db, a: Announcement): void {
  db.prepare('INSERT INTO announcement (id, hall, starts, ends, doc) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET hall = excluded.hall, starts = excluded.starts, ends = excluded.ends, doc = excluded.doc').run(
    a.id,
    a.hall,
    a.from,
    a.until,
    JSON.stringify(a),
  );
}

/** The hall's notices current on `day`. */
export function currentAnnouncements(db: Db, hall: string, day: string): Announcement[] {
  const rows = db.prepare('SELECT doc FROM announcement WHERE hall = ? AND starts <= ? AND ends >= ? ORDER BY starts, id').all(hall, day, day) as { doc: string }[];
  return rows.map((r) => Announcement.parse(JSON.parse(r.doc)));
}

/** How each queue entity of the change feed lands (see core/sync/downloader.ts). */
export const QUEUE_APPLY: Record<string, (db: Db, change: SyncChange) => void> = {
  staff: (db, c) => {
    if (c.op === 'upsert') putStaff(db, StaffCredential.parse(c.data));
    // A clerk disabled or moved to another hall: the hash leaves this terminal.
    else db.prepare('DELETE FROM staff WHERE login = ?').run(c.key);
  },
  appointment: (db, c) => {
    if (c.op === 'upsert') putAppointment(db, Appointment.parse(c.data));
    else db.prepare('DELETE FROM appointment WHERE id = ?').run(c.key);
  },
  announcement: (db, c) => {
    if (c.op === 'upsert') putAnnouncement(db, Announcement.parse(c.data));
    else db.prepare('DELETE FROM announcement WHERE id = ?').run(c.key);
  },
  'hall-config': (db, c) => {
    if (c.op === 'upsert') putHallConfig(db, HallConfig.parse(c.data));
    else db.prepare('DELETE FROM hall_config WHERE hall = ?').run(c.key);
  },
};

/** A 410 snapshot replaces the queue's reference data wholesale. */
export function applyQueueSnapshot(db: Db, snap: { staff?: StaffCredential[]; appointments?: Appointment[]; halls?: HallConfig[]; announcements?: Announcement[] }): void {
  if (snap.announcements) {
    db.prepare('DELETE FROM announcement').run();
    snap.announcements.forEach((a) => putAnnouncement(db, a));
  }
  if (snap.staff) {
    db.prepare('DELETE FROM staff').run();
    snap.staff.forEach((s) => putStaff(db, s));
  }
  if (snap.appointments) {
    db.prepare('DELETE FROM appointment').run();
    snap.appointments.forEach((a) => putAppointment(db, a));
  }
  if (snap.halls) {
    db.prepare('DELETE FROM hall_config').run();
    snap.halls.forEach((h) => putHallConfig(db, h));
  }
}
