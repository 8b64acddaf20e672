import { describe, expect, it } from 'vitest';
import { buildCertificateId, parseCertificateId, withVersion } from './certificate-id.js';
import { creditCodeProblem } from './credit-code.js';
import { residentIdProblem } from './resident-id.js';

const REAL = '1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F';

describe('certificate identifiers (GB/T 36904)', () => {
  it('reads a real provincial identifier and rebuilds it with the same MOD 37,36 check', () => {
    const r = parseCertificateId(REAL);
    expect(r).toEqual({ parts: { typeCode: '11100000000013338W032', issuerCode: '11220000013544541J', serial: '2430599', version: 1 } });
    if ('parts' in r) expect(buildCertificateId(r.parts)).toBe(REAL);
  });

  it('refuses a wrong check character, and a reissue carries a new version and check', () => {
    expect(parseCertificateId(REAL.replace(/F$/, 'G'))).toEqual({ problem: 'check' });
    const r = parseCertificateId(REAL);
    if (!('parts' in r)) throw new Error('unreadable');
    const v2 = withVersion(r.parts, 2);
    expect(v2).toMatch(/\.2430599\.002\.[0-9A-Z]$/);
    expect(parseCertificateId(v2)).toEqual({ parts: { ...r.parts, version: 2 } });
  });
});

describe('codes with check characters', () => {
  it('GB 32100: accepts real credit codes and names a wrong check character', () => {
    expect(creditCodeProblem('91110000600037341L')).toBeNull();
    expect(creditCodeProblem('91110000600037341M')).toBe('check');
    expect(creditCodeProblem('9111000060003734IL')).toBe('characters');
    expect(creditCodeProblem('9111000060003734')).toBe('length');
  });

  it('GB 11643: accepts a valid resident ID number (X check) and refuses a wrong check digit or date', () => {
    expect(residentIdProblem('11010519491231002X')).toBeNull();
    expect(residentIdProblem('110105194912310021')).toBe('check');
    expect(residentIdProblem('110105194902300021')).toBe('birth-date');
  });
});
