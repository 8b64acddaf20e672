import { describe, expect, it } from 'vitest';
import { EVENT_PRODUCERS, eventRefusalFor } from '../../core/contract/index.js';
import { loadCalendar } from '../calendar/calendar.js';
import { loadServerConfig } from '../config.js';
import { eventAppliers } from './appliers.js';

describe('which terminals produce which events', () => {
  it('lists the producing roles of every event type a part of the server applies', () => {
    const config = loadServerConfig({});
    const applied = eventAppliers(config, loadCalendar(config.holidaysFile), () => {}).flatMap((a) => a.types);
    expect(applied.filter((type) => !EVENT_PRODUCERS[type])).toEqual([]);
  });

  it('refuses a rating from a hall TV and takes it from a counter, a rating screen or a kiosk', () => {
    expect(eventRefusalFor('rating.recorded', ['hall'])).toBe('rating.recorded is produced by terminals with role counter/rating/kiosk; this terminal has hall');
    for (const role of ['counter', 'rating', 'kiosk'] as const) expect(eventRefusalFor('rating.recorded', [role])).toBeNull();
    expect(eventRefusalFor('queue.action', ['kiosk'])).not.toBeNull();
    expect(eventRefusalFor('queue.action', ['kiosk', 'counter'])).toBeNull();
  });
});
