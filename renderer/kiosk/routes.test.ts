import { describe, expect, it } from 'vitest';
import { kioskPath, matchKioskRoute } from './routes.js';

describe('kiosk routes', () => {
  it('maps every screen path back to its screen', () => {
    expect(matchKioskRoute(kioskPath.home())).toEqual({ name: 'home' });
    expect(matchKioskRoute('/kiosk/')).toEqual({ name: 'home' });
    expect(matchKioskRoute(kioskPath.search())).toEqual({ name: 'search' });
    expect(matchKioskRoute(kioskPath.categories())).toEqual({ name: 'categories' });
    expect(matchKioskRoute(kioskPath.prohibitions())).toEqual({ name: 'prohibitions' });
  });
  it('round-trips ids and category codes with awkward characters', () => {
    expect(matchKioskRoute(kioskPath.procedure('01J9 Z/x'))).toEqual({ name: 'procedure', id: '01J9 Z/x' });
    expect(matchKioskRoute(kioskPath.category('foreign-trade'))).toEqual({ name: 'category', code: 'foreign-trade' });
  });
  it('shows "not found" for anything else rather than a blank screen', () => {
    expect(matchKioskRoute('/kiosk/procedures')).toEqual({ name: 'notFound' });
    expect(matchKioskRoute('/kiosk/nope')).toEqual({ name: 'notFound' });
    expect(matchKioskRoute('/kiosk/categories/a/b')).toEqual({ name: 'notFound' });
  });
  it('opens the queue screens: take a ticket and check in, with no ticket id in the address', () => {
    expect(matchKioskRoute(kioskPath.ticket())).toEqual({ name: 'ticket' });
    expect(matchKioskRoute('/kiosk/ticket/')).toEqual({ name: 'ticket' });
    expect(matchKioskRoute(kioskPath.checkin())).toEqual({ name: 'checkin' });
    expect(matchKioskRoute('/kiosk/ticket/01J9ZQ8X')).toEqual({ name: 'notFound' });
    expect(matchKioskRoute('/kiosk/checkin/123456')).toEqual({ name: 'notFound' });
  });
  it('opens the certificate screens: print my certificate and verify one, nothing deeper', () => {
    expect(matchKioskRoute(kioskPath.certificatePrint())).toEqual({ name: 'certificatePrint' });
    expect(matchKioskRoute(kioskPath.certificateVerify())).toEqual({ name: 'certificateVerify' });
    expect(matchKioskRoute('/kiosk/certificates')).toEqual({ name: 'notFound' });
    expect(matchKioskRoute('/kiosk/certificates/print/ABCD2345')).toEqual({ name: 'notFound' });
  });
});
