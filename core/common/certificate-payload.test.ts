import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sm3 } from 'sm-crypto-v2';
import { describe, expect, it } from 'vitest';
import type { CertificateKey } from '../contract/certificates.js';
import { holderHash, newSigningKey, readPayload, signatureHolds, signPayload, type PayloadFields } from './certificate-payload.js';
import { verdictOf } from './certificate-verdict.js';

/** Debian's OpenSSL 3 is an independent SM2/SM3 implementation: the library is checked against it both ways. */
const dir = mkdtempSync(path.join(tmpdir(), 'sm2-'));
const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, encoding: 'utf8' });
const DISTID = 'distid:1234567812345678';

function opensslKey(): { pem: string; pubPem: string; privateKey: string; publicKey: string } {
  openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:SM2', '-out', 'key.pem');
  openssl('pkey', '-in', 'key.pem', '-pubout', '-out', 'pub.pem');
  const text = openssl('pkey', '-in', 'key.pem', '-text', '-noout');
  const hexBetween = (from: string, to: string) => (text.split(from)[1]!.split(to)[0]!.match(/[0-9a-f]{2}/g) ?? []).join('');
  const priv = hexBetween('priv:', 'pub:');
  return { pem: 'key.pem', pubPem: 'pub.pem', privateKey: priv.slice(-64).padStart(64, '0'), publicKey: hexBetween('pub:', 'ASN1') };
}

/** r‖s (128 hex) ⇄ the DER SEQUENCE of two INTEGERs OpenSSL reads and writes. */
function derOf(rs: string): Buffer {
  const int = (hex: string) => {
    let b = Buffer.from(hex, 'hex');
    while (b.length > 1 && b[0] === 0 && b[1]! < 0x80) b = b.subarray(1);
    if (b[0]! >= 0x80) b = Buffer.concat([Buffer.from([0]), b]);
    return Buffer.concat([Buffer.from([0x02, b.length]), b]);
  };
  const body = Buffer.concat([int(rs.slice(0, 64)), int(rs.slice(64))]);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]);
}
function rsOf(der: Buffer): string {
  let at = 2;
  const read = () => {
    const len = der[at + 1]!;
    const v = der.subarray(at + 2, at + 2 + len).toString('hex').replace(/^00/, '').padStart(64, '0');
    at += 2 + len;
    return v;
  };
  return read() + read();
}

const FIELDS: PayloadFields = {
  identifier: '1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F',
  version: 1,
  issuedOn: '2026-11-30',
  holderHash: holderHash('91110000600037341L'),
  keyId: 'k2026',
};

describe('SM2 over SM3 (GB/T 32918), cross-checked with OpenSSL 3', () => {
  it('computes the GB/T 32905 "abc" example as OpenSSL does', () => {
    expect(sm3('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    writeFileSync(path.join(dir, 'abc'), 'abc');
    expect(openssl('dgst', '-sm3', '-r', 'abc').split(' ')[0]).toBe(sm3('abc'));
  });

  it('a payload the library signs verifies in OpenSSL with the default signer ID', () => {
    const key = opensslKey();
    const payload = readPayload(signPayload(FIELDS, key.privateKey))!;
    writeFileSync(path.join(dir, 'msg'), payload.signed);
    writeFileSync(path.join(dir, 'sig.der'), derOf(payload.signature));
    expect(openssl('pkeyutl', '-verify', '-pubin', '-inkey', key.pubPem, '-rawin', '-digest', 'sm3', '-in', 'msg', '-sigfile', 'sig.der', '-pkeyopt', DISTID)).toMatch(/Verified Successfully/);
    // A changed byte fails in OpenSSL too.
    writeFileSync(path.join(dir, 'msg'), payload.signed.replace('2026-11-30', '2026-11-29'));
    expect(() => openssl('pkeyutl', '-verify', '-pubin', '-inkey', key.pubPem, '-rawin', '-digest', 'sm3', '-in', 'msg', '-sigfile', 'sig.der', '-pkeyopt', DISTID)).toThrow();
  });

  it('a signature OpenSSL makes verifies in the library', () => {
    const key = opensslKey();
    const signed = signPayload(FIELDS, newSigningKey().privateKey);
    const body = readPayload(signed)!.signed;
    writeFileSync(path.join(dir, 'msg'), body);
    openssl('pkeyutl', '-sign', '-inkey', key.pem, '-rawin', '-digest', 'sm3', '-in', 'msg', '-out', 'sig2.der', '-pkeyopt', DISTID);
    const rs = rsOf(readFileSync(path.join(dir, 'sig2.der')));
    const payload = readPayload(`${body}|${rs}`)!;
    expect(signatureHolds(payload, key.publicKey)).toBe(true);
    expect(signatureHolds(payload, newSigningKey().publicKey)).toBe(false);
  });
});

describe('the verification rule', () => {
  const signer = newSigningKey();
  const keys: CertificateKey[] = [{ keyId: 'k2026', publicKey: signer.publicKey, issuer: '省商务厅', activeFrom: '2026-01-01T00:00:00+08:00', retiredAt: null }];
  const text = signPayload(FIELDS, signer.privateKey);

  it('tells genuine, forged, unknown issuer and unreadable apart', () => {
    expect(verdictOf(text, keys, () => null)).toMatchObject({ verdict: 'genuine', identifier: FIELDS.identifier, version: 1, issuedOn: '2026-11-30' });
    expect(verdictOf(text.replace('2026-11-30', '2026-11-29'), keys, () => null).verdict).toBe('forged');
    expect(verdictOf(signPayload({ ...FIELDS, keyId: 'stolen' }, newSigningKey().privateKey), keys, () => null).verdict).toBe('unknown_issuer');
    // Signed by someone else under a listed key id: forged.
    expect(verdictOf(signPayload(FIELDS, newSigningKey().privateKey), keys, () => null).verdict).toBe('forged');
    expect(verdictOf('HALL-PICKUP:ABCDEFGH', keys, () => null).verdict).toBe('unreadable');
  });
});
