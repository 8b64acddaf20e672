import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointmentQr } from '../../core/common/appointment-code.js';
import type { Appointment } from '../../core/contract/index.js';
import { QUEUE_APPLY } from '../../core/queue/reference.js';
import { restartableTerminal } from '../test-restartable.js';

/** Issue 11 §3: a kiosk visitor with time on their hands guesses appointment codes and phone digits. */
let clock = Date.parse('2026-03-10T01:30:00Z'); // 09:30 in the hall
const t = restartableTerminal('hall-guess-', () => clock);
const restart = () => t.restart();

const call = async (method: 'GET' | 'POST', url: string, body?: unknown, lang = 'en') => {
  const res = await t.app.inject({ method, url, headers: { host: '127.0.0.1', 'accept-language': lang, ...(body ? { 'content-type': 'application/json' } : {}) }, payload: body ? JSON.stringify(body) : undefined });
  return { status: res.statusCode, json: res.json(), retryAfter: res.headers['retry-after'] };
};
const checkIn = (code: string, last4: string | null, lang = 'en') => call('POST', '/api/checkin', { by: 'code', code, last4, lang, print: false }, lang);
const lookUp = (last4: string, lang = 'en') => call('GET', `/api/checkin/phone?last4=${last4}`, undefined, lang);

let seq = 0;
function book(over: Partial<Appointment>): Appointment {
  const a: Appointment = {
    id: ulid(),
    code: '482913',
    hall: t.runtime.queue.hall(),
    enterprise: '华夏进出口有限公司',
    phoneMasked: '138****5678',
    phoneLast4: '5678',
    matter: '自动进口许可证申领',
    procedureCode: null,
    service: 'A',
    date: t.runtime.queue.today(),
    from: '09:00',
    to: '09:30',
    state: 'booked',
    ticketId: null,
    createdAt: new Date(clock).toISOString(),
    ...over,
  };
  QUEUE_APPLY.appointment!(t.db, { seq: ++seq, entity: 'appointment', key: a.id, op: 'upsert', data: a });
  return a;
}

beforeAll(t.start);
afterAll(t.cleanup);

describe('guessing appointment codes at the kiosk', () => {
  it('needs the phone’s last four digits with the code; wrong digits and an unknown code answer alike', async () => {
    book({ code: '482913', phoneLast4: '5678' });
    const wrongDigits = await checkIn('482913', '1111');
    const unknown = await checkIn('999999', '5678');
    const noDigits = await checkIn('HALL-APPT:482913', null);
    for (const r of [wrongDigits, unknown, noDigits]) expect([r.status, r.json]).toEqual([404, unknown.json]);
    expect(unknown.json.error.code).toBe('APPOINTMENT_NOT_FOUND');
    const right = await checkIn('482913', '5678');
    expect(right.status).toBe(200);
    expect(right.json.ticket.enterprise).toBe('华夏进出口有限公司');
  });

  it('takes the confirmation QR that carries the digits, and an older QR with the digits typed', async () => {
    book({ code: '135790', phoneLast4: '2468', enterprise: '哈尔滨北方劳务合作有限公司' });
    book({ code: '135791', phoneLast4: '2469', enterprise: '大庆石化成品油经营有限公司' });
    expect((await checkIn(appointmentQr('135790', '2468'), null)).status).toBe(200);
    expect((await checkIn('HALL-APPT:135791', '2469')).status).toBe(200);
  });

  it('stops a run of wrong codes: the terminal must wait, longer each time, also after a restart', async () => {
    clock += 2 * 3_600_000; // the misses above are out of the window
    book({ code: '246810', phoneLast4: '1357', enterprise: '龙江对外贸易有限公司' });
    for (let i = 0; i < 5; i++) expect((await checkIn(String(100000 + i), '1357')).status).toBe(404);
    const stopped = await checkIn('246810', '1357', 'zh-CN');
    expect([stopped.status, stopped.retryAfter]).toEqual([429, '30']);
    expect(stopped.json.error).toEqual({ code: 'TOO_MANY_ATTEMPTS', message: '尝试失败次数过多，请 1 分钟后再试。' });

    await restart();
    expect((await checkIn('246810', '1357')).status).toBe(429);
    clock += 30_000;
    expect((await checkIn('200000', '1357')).status).toBe(404);
    const longer = await checkIn('246810', '1357', 'ru');
    expect([longer.status, longer.retryAfter, longer.json.error.message]).toEqual([429, '60', 'Слишком много неудачных попыток. Повторите через 1 мин.']);
    clock += 60_000;
    const right = await checkIn('246810', '1357');
    expect(right.status).toBe(200);
    expect(right.json.ticket.enterprise).toBe('龙江对外贸易有限公司');
  });
});

describe('the phone look-up', () => {
  it('never shows a whole enterprise name', async () => {
    clock += 2 * 3_600_000;
    book({ code: '300001', phoneLast4: '8642', enterprise: '黑龙江龙江拍卖有限公司', from: '11:00', to: '11:30' });
    book({ code: '300002', phoneLast4: '8642', enterprise: '甲公司', from: '12:00', to: '12:30' });
    const found = await lookUp('8642');
    expect(found.json.appointments.map((a: { enterprise: string }) => a.enterprise)).toEqual(['黑龙**有限公司', '甲**公司']);
  });

  it('stops after a few look-ups that list nothing, also after a restart', async () => {
    for (let i = 0; i < 5; i++) expect((await lookUp(String(1000 + i))).json).toEqual({ appointments: [] });
    const stopped = await lookUp('8642');
    expect([stopped.status, stopped.json.error.code, stopped.retryAfter]).toEqual([429, 'TOO_MANY_ATTEMPTS', '30']);
    await restart();
    expect((await lookUp('8642')).status).toBe(429);
    clock += 30_000;
    expect((await lookUp('8642')).json.appointments).toHaveLength(2);
  });
});
