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
});
