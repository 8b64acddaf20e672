import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hallDay } from '../../core/common/hall-time.js';
import { RATING_EVENT } from '../../core/contract/index.js';
import { createAppointment } from '../appointments/repository.js';
import { ticketRequest } from '../queue/test-support.js';
import { feedbackFixture, ratingChain, type FeedbackFixture } from '../supervision/test-support.js';
import { backends } from '../test-db.js';

// Issue 11 §1: supervisors and inspectors see no enterprise behind a rating; only the office sees the
// contact (the appointment's enterprise and phone) for the return visit.

describe.each(backends)('the contact behind a bad rating on $name', (backend) => {
  let f: FeedbackFixture;
  beforeAll(async () => {
    f = await feedbackFixture(backend);
  });
  afterAll(() => f?.close());

  it('is shown to the office alone', async () => {
    const kiosk = await f.terminal('main', ['kiosk', 'counter', 'rating']);
    const day = hallDay(f.clock.now, f.config.hallTimeZone);
    const appt = await createAppointment(
      f.db,
      'main',
      { enterprise: '华夏进出口有限公司', contactPhone: '13812345678', matter: '对外贸易', procedureCode: null, service: 'A', date: day, from: '09:00', to: '09:30', createdBy: 'li.na' },
      f.clock.now,
      f.config.hallTimeZone,
    );
    const issued = await kiosk.call('POST', '/api/queue/tickets', ticketRequest('A', appt.id, f.clock.now));
    expect(issued.status).toBe(200);
    const bad = ratingChain('dev-contact')({ level: 1, reasons: ['attitude'], ticketNumber: issued.body.ticket.number, recordedAt: new Date(f.clock.now + 60_000).toISOString() });
    await f.upload(kiosk, [{ type: RATING_EVENT, payload: bad }]);
    const [c] = (await f.staff('office', 'GET', '/api/supervision/cases')).body.cases;

    expect((await f.staff('office', 'GET', `/api/supervision/cases/${c.id}`)).body.contact).toEqual({ enterprise: '华夏进出口有限公司', phone: '13812345678', phoneMasked: '138****5678' });
    for (const who of ['supervisor', 'inspector'] as const) {
      const seen = await f.staff(who, 'GET', `/api/supervision/cases/${c.id}`);
      expect(seen.status).toBe(200);
      expect(seen.body.contact).toBeNull();
      expect(JSON.stringify(seen.body)).not.toContain('华夏进出口有限公司');
    }
  });
});
