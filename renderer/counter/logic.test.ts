import { describe, expect, it } from 'vitest';
import { CounterQueue, type CounterSession } from '../../core/contract/hall-api.js';
import { emptyDraft, fieldOfPath, serverFieldErrors, timeSlots, validateAppointment, type AppointmentDraft } from './appointmentForm.js';
import { spacedCode } from './format.js';
import { afterAction, afterQueue, enabledCommands, INITIAL_OFFLINE, isOffline, lineNote, transferTargets, waitingMinutes } from './queueView.js';
import { clearSession, loadSession, saveSession, SESSION_KEY } from './session.js';
import { commandForKey, SHORTCUTS } from './shortcuts.js';
import { counterQueue, ticket } from './test-fixtures.js';

class MemoryStore {
  data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

const session: CounterSession = { token: 'tok-abc', staff: { login: 'zhang.wei', name: '张伟', number: '0103' }, counterNo: 3, timeZone: 'Asia/Shanghai' };

describe('the test fixtures follow the contract', () => {
  it('parses as a CounterQueue', () => {
    expect(CounterQueue.safeParse(counterQueue({ current: ticket('A012', { state: 'called' }), parked: [ticket('T3-A005')] })).success).toBe(true);
  });
});

describe('session kept across a reload', () => {
  it('comes back after a reload and is gone after sign-out', () => {
    const store = new MemoryStore();
    expect(loadSession(store)).toBeNull();
    saveSession(store, session);
    expect(loadSession(store)).toEqual(session);
    clearSession(store);
    expect(loadSession(store)).toBeNull();
  });

  it('a damaged or foreign value means signed out, not a crash', () => {
    const store = new MemoryStore();
    store.setItem(SESSION_KEY, '{not json');
    expect(loadSession(store)).toBeNull();
    store.setItem(SESSION_KEY, JSON.stringify({ token: 'x' }));
    expect(loadSession(store)).toBeNull();
    expect(loadSession(null)).toBeNull();
  });
});

describe('keyboard shortcuts', () => {
  it('maps each F-key on the buttons to its command and leaves F1, F5, F11, F12 to the browser', () => {
    expect(commandForKey({ key: 'F2' })).toBe('call-next');
    expect(commandForKey({ key: 'F8' })).toBe('finish');
    expect(commandForKey({ key: 'F9' })).toBe('presence');
    for (const key of ['F1', 'F5', 'F11', 'F12', 'a', 'Enter']) expect(commandForKey({ key })).toBeNull();
    expect(new Set(Object.values(SHORTCUTS)).size).toBe(Object.keys(SHORTCUTS).length);
  });

  it('ignores a shortcut pressed with a modifier', () => {
    expect(commandForKey({ key: 'F2', ctrlKey: true })).toBeNull();
    expect(commandForKey({ key: 'F4', altKey: true })).toBeNull();
  });
});

describe('what the clerk can do', () => {
  it('without a current ticket only calling is possible', () => {
    const on = enabledCommands(counterQueue());
    expect(on['call-next']).toBe(true);
    expect(on['call-number']).toBe(true);
    expect([on.recall, on.transfer, on['no-show'], on.park, on.finish]).toEqual([false, false, false, false, false]);
  });

  it('with a called ticket every ticket action is possible; transfer offers the other lines only', () => {
    const q = counterQueue({ current: ticket('A012', { state: 'called', callCount: 1 }) });
    const on = enabledCommands(q);
    expect([on.recall, on.transfer, on['no-show'], on.park, on.finish]).toEqual([true, true, true, true, true]);
    expect(transferTargets(q).map((s) => s.code)).toEqual(['B', 'C']);
  });

  it('an away clerk cannot call, but can come back', () => {
    const on = enabledCommands(counterQueue({ presence: 'away' }));
    expect(on['call-next']).toBe(false);
    expect(on['call-number']).toBe(false);
    expect(on.presence).toBe(true);
  });

  it('explains each AB situation of a line', () => {
    const [a, b] = counterQueue().lines;
    expect(lineNote(a!, 'in')).toBe('aActive');
    expect(lineNote(a!, 'away')).toBe('aAway');
    expect(lineNote(b!, 'in')).toBe('bStandby');
    expect(lineNote({ ...b!, active: true }, 'in')).toBe('bActive');
  });

  it('counts waiting in whole minutes and never below zero', () => {
    const now = Date.parse('2026-11-26T09:12:59+08:00');
    expect(waitingMinutes('2026-11-26T09:00:00+08:00', now)).toBe(12);
    expect(waitingMinutes('2026-11-26T09:20:00+08:00', now)).toBe(0);
  });
});

describe('offline banner', () => {
  it('shows while the service reports the central server unreachable', () => {
    let s = afterQueue(INITIAL_OFFLINE, false);
    expect(isOffline(s)).toBe(true);
    s = afterQueue(s, true);
    expect(isOffline(s)).toBe(false);
  });

  it('shows after an action recorded locally, until an action goes through', () => {
    let s = afterQueue(INITIAL_OFFLINE, true);
    s = afterAction(s, true);
    expect(isOffline(s)).toBe(true);
    s = afterQueue(s, true);
    expect(isOffline(s)).toBe(true);
    s = afterAction(s, false);
    expect(isOffline(s)).toBe(false);
  });

  it('clears when the service comes back online after being offline', () => {
    let s = afterQueue(INITIAL_OFFLINE, false);
    s = afterAction(s, true);
    s = afterQueue(s, true);
    expect(isOffline(s)).toBe(false);
  });
});

describe('phone appointment form', () => {
  const today = '2026-11-26';
  const good: AppointmentDraft = {
    enterprise: ' 哈尔滨龙江进出口有限公司 ',
    contactPhone: '138 0451 1234',
    matter: '技术进出口合同登记',
    service: 'A',
    date: '2026-11-27',
    slot: '09:00-09:30',
  };

  it('turns a complete form into the contract body', () => {
    expect(validateAppointment(good, today)).toEqual({
      ok: true,
      body: { enterprise: '哈尔滨龙江进出口有限公司', contactPhone: '13804511234', matter: '技术进出口合同登记', service: 'A', date: '2026-11-27', from: '09:00', to: '09:30' },
    });
    expect(validateAppointment({ ...good, contactPhone: '0451-82623081' }, today).ok).toBe(true);
  });

  it('names every empty field', () => {
    const out = validateAppointment(emptyDraft(today), today);
    expect(out).toEqual({ ok: false, errors: { enterprise: 'required', contactPhone: 'required', matter: 'required', service: 'required', slot: 'required' } });
  });

  it('puts a wrong phone, a one-character name and a past date next to their fields', () => {
    const out = validateAppointment({ ...good, contactPhone: '12345', enterprise: '龙', date: '2026-11-25' }, today);
    expect(out).toEqual({ ok: false, errors: { contactPhone: 'phone', enterprise: 'enterprise', date: 'past' } });
  });

  it('offers half-hour slots of the office day', () => {
    const slots = timeSlots();
    expect(slots[0]).toBe('08:30-09:00');
    expect(slots.at(-1)).toBe('16:30-17:00');
    expect(slots).toHaveLength(17);
  });

  it('maps the service’s validation details to the form fields', () => {
    expect(fieldOfPath('contactPhone')).toBe('contactPhone');
    expect(fieldOfPath('body.from')).toBe('slot');
    expect(fieldOfPath('createdBy')).toBeNull();
    expect(serverFieldErrors([{ path: 'contactPhone' }, { path: 'to' }, { path: 'x' }])).toEqual({ contactPhone: 'phone', slot: 'invalid' });
  });
});

describe('formatting', () => {
  it('groups the six-digit code for reading out', () => {
    expect(spacedCode('048213')).toBe('048 213');
  });
});
