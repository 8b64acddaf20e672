import { describe, expect, it } from 'vitest';
import { api } from './api.js';
import { LIVE_FEEDS, ROUTE_SCREENS, SCREEN_ROLES, UNPAIRED_ROLES } from './screen-access.js';

describe('what each screen role may reach from another computer', () => {
  it('keeps every clerk route to counter screens: a kiosk, rating, board or status token never reaches one', () => {
    for (const [name, route] of Object.entries(api)) {
      const staff = ('staff' in route && route.staff) || route.path.startsWith('/api/counter/');
      if (staff) expect(ROUTE_SCREENS[name as keyof typeof api], name).toEqual(['counter']);
    }
  });

  it('gives an unpaired browser the board alone', () => {
    const open = Object.entries(ROUTE_SCREENS).filter(([, roles]) => roles.some((r) => UNPAIRED_ROLES.includes(r)));
    expect(open.map(([name]) => name)).toEqual(['board']);
    expect(UNPAIRED_ROLES.flatMap((r) => LIVE_FEEDS[r])).toEqual(['call', 'queue']);
  });

  it('sends scanner codes only to kiosks, rating prompts only to rating screens, status only to staff', () => {
    const who = (type: string) => SCREEN_ROLES.filter((r) => LIVE_FEEDS[r].includes(type as never));
    expect(who('scan')).toEqual(['kiosk']);
    expect(who('rating')).toEqual(['rating']);
    expect(who('status')).toEqual(['counter', 'status']);
  });
});
