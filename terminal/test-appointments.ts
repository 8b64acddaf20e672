import { ulid } from 'ulid';
import type { Appointment } from '../core/contract/index.js';
import type { RunningService } from './test-service.js';

/** A booked appointment for today in the service's hall, as the central server would have synced it down. */
export function todaysAppointment(svc: RunningService, over: Partial<Appointment> = {}): Appointment {
  return {
    id: ulid(),
    code: '482913',
    hall: svc.runtime.queue.hall(),
    enterprise: '黑龙江龙辰国际贸易有限公司',
    phoneMasked: '138****5678',
    phoneLast4: '5678',
    matter: '自动进口许可证申领',
    procedureCode: null,
    service: 'A',
    date: svc.runtime.queue.today(),
    from: '09:00',
    to: '09:30',
    state: 'booked',
    ticketId: null,
    createdAt: new Date().toISOString(),
    ...over,
  };
}
