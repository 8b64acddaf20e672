import { describe, expect, it } from 'vitest';
import { openDatabase } from '../core/db/connection.js';
import { putAppointment } from '../core/queue/reference.js';
import { loadConfig } from './config.js';
import { startPurgeTimer } from './retention.js';

describe('retention on a terminal', () => {
  it('is configured per kind of data, with defaults, and refuses a value that is not a number of days', () => {
    expect(loadConfig({}).retention).toEqual({ appointmentDays: 1, ticketDays: 7, opinionDays: 90, certificateDays: 180 });
    expect(loadConfig({ APPOINTMENT_RETENTION_DAYS: '0', TICKET_RETENTION_DAYS: '3', OPINION_RETENTION_DAYS: '30', CERTIFICATE_RETENTION_DAYS: '365' }).retention).toEqual({ appointmentDays: 0, ticketDays: 3, opinionDays: 30, certificateDays: 365 });
    expect(() => loadConfig({ OPINION_RETENTION_DAYS: 'ninety' })).toThrow(/OPINION_RETENTION_DAYS must be a whole number/);
  });

  it('purges as the service starts, by the clock it is given, and says what it removed', () => {
    const db = openDatabase(':memory:');
    putAppointment(db, {
      id: '01JQ0000000000000000000001', code: '123456', hall: 'main', enterprise: '华夏进出口有限公司', phoneMasked: '139****4321', phoneLast4: '4321',
      matter: '对外贸易', procedureCode: null, service: 'A', date: '2026-03-01', from: '09:00', to: '09:30', state: 'booked', ticketId: null, createdAt: '2026-02-28T00:00:00.000Z',
    });
    const lines: string[] = [];
    const stop = startPurgeTimer(db, { now: () => new Date('2026-03-05T02:00:00Z'), timeZone: 'Asia/Shanghai', keep: loadConfig({}).retention, log: (l) => lines.push(l) });
    stop();
    expect(lines).toEqual(['Retention purge: 1 appointments, 0 tickets, 0 print jobs, 0 opinions removed, 0 hand-over recipients cleared.']);
    expect(db.prepare('SELECT count(*) AS n FROM appointment').get()).toEqual({ n: 0 });
    db.close();
  });
});
