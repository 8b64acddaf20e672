import type { CounterQueue } from '../../core/contract/hall-api.js';
import type { Ticket } from '../../core/contract/queue.js';

/** Shapes of the counter routes' answers, as the contract defines them, for the screen's tests. */
export function ticket(number: string, over: Partial<Ticket> = {}): Ticket {
  return {
    id: `01JH${number.replace(/[^0-9A-Z]/g, '').padEnd(22, '0')}`.slice(0, 26),
    hall: 'hlj-main',
    number,
    service: number.replace(/^T\d+-/, '')[0]!,
    state: 'waiting',
    appointmentId: null,
    enterprise: null,
    issuedAt: '2026-11-26T09:00:00+08:00',
    offline: false,
    counterNo: null,
    calledAt: null,
    calledBy: null,
    callCount: 0,
    finishedAt: null,
    appointmentFlag: null,
    ...over,
  };
}

export function counterQueue(over: Partial<CounterQueue> = {}): CounterQueue {
  return {
    counterNo: 3,
    staff: { login: 'zhang.wei', name: '张伟', number: '0103' },
    presence: 'in',
    online: true,
    lines: [
      {
        code: 'A',
        name: { 'zh-CN': '对外贸易', en: 'Foreign trade', ru: 'Внешняя торговля' },
        role: 'A',
        active: true,
        waiting: [ticket('A013', { enterprise: '哈尔滨龙江进出口有限公司', appointmentId: '01JH0000000000000000000APP' }), ticket('A014', { issuedAt: '2026-11-26T09:20:00+08:00' })],
      },
      { code: 'B', name: { 'zh-CN': '对外投资与经济合作', en: 'Outward investment' }, role: 'B', active: false, waiting: [ticket('B002')] },
    ],
    services: [
      { code: 'A', name: { 'zh-CN': '对外贸易', en: 'Foreign trade', ru: 'Внешняя торговля' } },
      { code: 'B', name: { 'zh-CN': '对外投资与经济合作', en: 'Outward investment' } },
      { code: 'C', name: { 'zh-CN': '市场流通', en: 'Distribution', ru: 'Товарное обращение' } },
    ],
    current: null,
    parked: [],
    counters: [
      { counterNo: 3, staff: 'zhang.wei', staffName: '张伟', staffNumber: '0103', state: 'in', since: '2026-11-26T08:30:00+08:00' },
      { counterNo: 4, staff: 'li.na', staffName: '李娜', staffNumber: '0104', state: 'away', since: '2026-11-26T09:10:00+08:00' },
    ],
    conflicts: [],
    ...over,
  };
}
