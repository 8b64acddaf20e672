import type { CertificateDoc, CertificateKey, Verdict } from '../contract/certificates.js';
import { readPayload, signatureHolds } from './certificate-payload.js';

/**
 * What a certificate's QR text proves, by one rule for the kiosk (offline), the server's public page
 * and `npm run verify -- certificate`. `known` finds the verifier's own record of an identifier (null
 * when it holds none: a genuine signature still proves the certificate, without its public fields).
 */
export function verdictOf(text: string, keys: readonly CertificateKey[], known: (identifier: string) => CertificateDoc | null): Verdict {
  const none = { identifier: null, version: null, issuedOn: null, keyId: null, certificate: null, revoked: null, supersededBy: null };
  const payload = readPayload(text);
  if (!payload) return { verdict: 'unreadable', ...none };
  const base = { ...none, identifier: payload.identifier, version: payload.version, issuedOn: payload.issuedOn, keyId: payload.keyId };
  const key = keys.find((k) => k.keyId === payload.keyId);
  if (!key) return { verdict: 'unknown_issuer', ...base };
  if (!signatureHolds(payload, key.publicKey)) return { verdict: 'forged', ...base };
  const doc = known(payload.identifier);
  if (!doc) return { verdict: 'genuine', ...base };
  // A valid signature over fields that differ from the record it names is not this certificate.
  if (doc.version !== payload.version || doc.issuedOn !== payload.issuedOn) return { verdict: 'forged', ...base };
  const certificate = { name: doc.name, number: doc.number, holderName: doc.holder.name, issuer: doc.issuer.name, validFrom: doc.validFrom, validUntil: doc.validUntil };
  if (doc.revoked) return { verdict: 'revoked', ...base, certificate, revoked: doc.revoked };
  if (doc.supersededBy) return { verdict: 'superseded', ...base, certificate, supersededBy: doc.supersededBy };
  return { verdict: 'genuine', ...base, certificate };
}
