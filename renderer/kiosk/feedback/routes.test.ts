import { describe, expect, it } from 'vitest';
import { kioskPath, matchKioskRoute } from '../routes.js';

describe('feedback routes on the kiosk', () => {
  it('open the opinion box, the progress lookup and rating by ticket, with nothing personal in the address', () => {
    expect(matchKioskRoute(kioskPath.opinion())).toEqual({ name: 'opinion' });
    expect(matchKioskRoute(kioskPath.track())).toEqual({ name: 'track' });
    expect(matchKioskRoute('/kiosk/opinion/track/')).toEqual({ name: 'track' });
    expect(matchKioskRoute(kioskPath.rate())).toEqual({ name: 'rate' });
    expect(matchKioskRoute('/kiosk/opinion/K7PM-3XQ9')).toEqual({ name: 'notFound' });
    expect(matchKioskRoute('/kiosk/rate/A012')).toEqual({ name: 'notFound' });
  });
  it('open the opinion box citing one of the eleven prohibitions from the negative list, and nothing else', () => {
    expect(matchKioskRoute(kioskPath.report(4))).toEqual({ name: 'opinion', cite: 4 });
    expect(matchKioskRoute(kioskPath.report(11))).toEqual({ name: 'opinion', cite: 11 });
    for (const bad of ['/kiosk/report/0', '/kiosk/report/12', '/kiosk/report/04', '/kiosk/report/x', '/kiosk/report', '/kiosk/report/4/5']) {
      expect(matchKioskRoute(bad), bad).toEqual({ name: 'notFound' });
    }
  });
});
