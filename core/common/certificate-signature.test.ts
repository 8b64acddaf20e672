import { describe, expect, it } from 'vitest';
import { holderHash, newSigningKey, readPayload, signatureHolds, signPayload } from './certificate-payload.js';

const fields = (keyId: string) => ({
  identifier: '1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F',
  version: 1,
  issuedOn: '2026-03-02',
  holderHash: holderHash('91230100MA1BXXXX0X'),
  keyId,
});

describe('SM2 verification with precomputed keys', () => {
  it('holds for the signer, again from the cache, and fails for an altered payload or another key', () => {
    const a = newSigningKey();
    const b = newSigningKey();
    const payload = readPayload(signPayload(fields('k-a'), a.privateKey))!;
    expect(signatureHolds(payload, a.publicKey)).toBe(true);
    expect(signatureHolds(payload, a.publicKey)).toBe(true);
    expect(signatureHolds(payload, b.publicKey)).toBe(false);
    const altered = readPayload(payload.text.replace('|001|', '|002|'))!;
    expect(signatureHolds(altered, a.publicKey)).toBe(false);
    expect(signatureHolds(payload, '04' + '0'.repeat(128))).toBe(false);
  });
});
