import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection.js';
import { tempDir } from '../db/test-db.js';
import { completePairing, listPairings, PAIRING_CODE_TTL_MS, revokePairing, screenRoles, startPairing } from './pairing.js';

const tmp = tempDir('pairing-');
const db = openDatabase(tmp.file('terminal.sqlite'));
afterEach(() => db.prepare('DELETE FROM screen_pairing').run());

const at = (iso: string) => new Date(iso);
const T0 = '2026-03-02T01:00:00Z';

describe('pairing a screen', () => {
  it('trades its code once, for a token that carries the roles', () => {
    const { code, expiresAt } = startPairing(db, ['kiosk', 'rating'], 'Kiosk 2', at(T0));
    expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect(expiresAt).toBe(new Date(at(T0).getTime() + PAIRING_CODE_TTL_MS).toISOString());
    const paired = completePairing(db, ` ${code.toLowerCase().replace('-', ' ')} `, at('2026-03-02T01:05:00Z'));
    expect(paired).toMatchObject({ name: 'Kiosk 2', roles: ['kiosk', 'rating'] });
    expect(screenRoles(db, paired!.token)).toEqual(['kiosk', 'rating']);
    expect(completePairing(db, code, at('2026-03-02T01:05:01Z'))).toBeNull();
    expect(listPairings(db, at(T0)).map((p) => p.state)).toEqual(['paired']);
  });

  it('refuses a code after ten minutes, a wrong code, and a revoked screen', () => {
    const late = startPairing(db, ['hall'], 'TV', at(T0));
    expect(completePairing(db, late.code, at('2026-03-02T01:10:00Z'))).toBeNull();
    expect(listPairings(db, at('2026-03-02T01:10:00Z'))[0]!.state).toBe('expired');
    expect(completePairing(db, 'ABCDE-FGHJK', at(T0))).toBeNull();
    const ok = startPairing(db, ['counter'], 'Counter 3', at(T0));
    const { token } = completePairing(db, ok.code, at(T0))!;
    expect(revokePairing(db, ok.id, at(T0))).toBe(true);
    expect(screenRoles(db, token)).toBeNull();
    expect(revokePairing(db, ok.id, at(T0))).toBe(false);
  });

  it('refuses a role no screen has', () => {
    expect(() => startPairing(db, ['supervisor' as never], 'x', at(T0))).toThrow();
    expect(() => startPairing(db, [], 'x', at(T0))).toThrow();
  });
});
