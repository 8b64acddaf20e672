import { randomBytes, scryptSync } from 'node:crypto';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, type Appointment } from '../../core/contract/index.js';
import { pendingEvents } from '../../core/outbox/outbox.js';
import { getAppointment, putStaff, QUEUE_APPLY } from '../../core/queue/reference.js';
import { todaysAppointment } from '../test-appointments.js';
import { startTestService, type RunningService } from '../test-service.js';

// Appointments arrive from the central server's change feed; a cancellation arrives the same way.
// This terminal is not enrolled, so the server is unreachable for the clerk's own cancel.

let svc: RunningService;
const call = async (method: 'GET' | 'POST', url: string, body?: unknown, headers: Record<string, string> = {}) => {
  const res = await svc.app.inject({
    method,
    url,
    headers: { host: '127.0.0.1', ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
    payload: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.statusCode, json: res.json() };
};

let seq = 0;
const sync = (a: Appointment) => QUEUE_APPLY.appointment!(svc.db, { seq: ++seq, entity: 'appointment', key: a.id, op: 'upsert', data: a });

const booked = (over: Partial<Appointment> = {}) => todaysAppointment(svc, over);
const cancelled = (a: Appointment): Appointment => ({ ...a, state: 'cancelled', cancelled: { at: new Date().toISOString(), by: 'wang.fang', reason: '企业来电取消' } });

beforeAll(async () => {
  svc = await startTestService();
  const salt = randomBytes(16);
  const hash = ['scrypt', 1024, 8, 1, salt.toString('base64'), scryptSync('correct horse battery', salt, 32, { N: 1024, r: 8, p: 1 }).toString('base64')].join('$');
  putStaff(svc.db, { login: 'wang.fang', name: '王芳', number: '0101', role: 'clerk', passwordHash: hash, disabled: false });
});
afterAll(() => svc?.stop());

describe('a cancelled appointment at the kiosk', () => {
  it('is refused by code, QR and phone digits with the reason and what to do, and issues no ticket', async () => {
    const appt = booked();
    sync(appt);
    expect((await call('GET', '/api/checkin/phone?last4=5678')).json.appointments.map((a: { id: string }) => a.id)).toEqual([appt.id]);
    sync(cancelled(appt));
    const before = pendingEvents(svc.db).length;

    const byCode = await call('POST', '/api/checkin', { by: 'code', code: '482913', last4: '5678', lang: 'en' }, { 'accept-language': 'en' });
    expect(byCode.status).toBe(409);
    expect(byCode.json.error).toMatchObject({ code: 'APPOINTMENT_CANCELLED', message: ERROR_MESSAGES.en.APPOINTMENT_CANCELLED });
    expect(byCode.json.error.message).toContain('walk-in ticket');
    const byQr = await call('POST', '/api/checkin', { by: 'code', code: 'HALL-APPT:482913:5678', lang: 'ru' }, { 'accept-language': 'ru' });
    expect([byQr.status, byQr.json.error.message]).toEqual([409, ERROR_MESSAGES.ru.APPOINTMENT_CANCELLED]);
    const byPhone = await call('POST', '/api/checkin', { by: 'phone', appointmentId: appt.id, last4: '5678', lang: 'zh-CN' });
    expect([byPhone.status, byPhone.json.error.code]).toEqual([409, 'APPOINTMENT_CANCELLED']);
    expect((await call('GET', '/api/checkin/phone?last4=5678')).json.appointments).toEqual([]);

    expect(pendingEvents(svc.db).length).toBe(before);
    expect(getAppointment(svc.db, appt.id)?.state).toBe('cancelled');
  });

  it('checks in a new booking that was given the freed code', async () => {
    const again = booked({ id: ulid(), enterprise: '哈尔滨龙江进出口有限公司', from: '10:00', to: '10:30' });
    sync(again);
    const res = await call('POST', '/api/checkin', { by: 'code', code: '482913', last4: '5678', lang: 'zh-CN', print: false });
    expect(res.status).toBe(200);
    expect(res.json.ticket).toMatchObject({ appointmentId: again.id, enterprise: '哈尔滨龙江进出口有限公司' });
  });
});

describe('a clerk cancelling without the central server', () => {
  it('is told the server cannot be reached, and the appointment stays booked', async () => {
    const appt = booked({ code: '100200', phoneLast4: '4321' });
    sync(appt);
    const token = (await call('POST', '/api/counter/login', { login: 'wang.fang', password: 'correct horse battery', counterNo: 1 })).json.token as string;
    const res = await call('POST', `/api/counter/appointments/${appt.id}/cancel`, { requestId: ulid(), reason: '录入错误' }, { authorization: `Bearer ${token}`, 'accept-language': 'en' });
    expect(res.status).toBe(503);
    expect(res.json.error).toMatchObject({ code: 'SERVER_UNREACHABLE', message: ERROR_MESSAGES.en.SERVER_UNREACHABLE });
    expect(getAppointment(svc.db, appt.id)?.state).toBe('booked');
    expect((await call('GET', '/api/checkin/phone?last4=4321')).json.appointments).toHaveLength(1);
  });

  it('needs a signed-in clerk', async () => {
    const res = await call('POST', `/api/counter/appointments/${ulid()}/cancel`, { requestId: ulid(), reason: null });
    expect(res.status).toBe(401);
  });
});
