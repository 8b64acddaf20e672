import { sm2, sm3 } from 'sm-crypto-v2';

/**
 * The signed text in a certificate's QR. No national format for an offline-verifiable QR exists, so it
 * is plain ASCII, '|'-separated, signed with SM2 over SM3 (GB/T 32918, default signer ID
 * 1234567812345678): `HCERT1|<identifier>|<version>|<issue date>|<holder hash>|<key id>|<signature>`.
 * The holder hash is SM3 of the holder's code, so the QR names the holder without carrying the code.
 * The signature (r‖s, 128 hex) covers everything before its separator.
 */
export const PAYLOAD_PREFIX = 'HCERT1';

export interface PayloadFields {
  identifier: string;
  version: number;
  issuedOn: string;
  holderHash: string;
  keyId: string;
}

export interface SignedPayload extends PayloadFields {
  text: string;
  signed: string;
  signature: string;
}

export const holderHash = (holderCode: string) => sm3(holderCode.trim().toUpperCase()).slice(0, 32);

const body = (f: PayloadFields) => [PAYLOAD_PREFIX, f.identifier, String(f.version).padStart(3, '0'), f.issuedOn, f.holderHash, f.keyId].join('|');

/** Signs these fields with an SM2 private key (hex); answers the QR text. */
export function signPayload(fields: PayloadFields, privateKeyHex: string): string {
  const signed = body(fields);
  return `${signed}|${sm2.doSignature(signed, privateKeyHex, { hash: true })}`;
}

/** The fields of a QR text in this format (signature not checked), or null when it is not one. */
export function readPayload(text: string): SignedPayload | null {
  const parts = text.trim().split('|');
  if (parts.length !== 7 || parts[0] !== PAYLOAD_PREFIX) return null;
  const [, identifier, version, issuedOn, hash, keyId, signature] = parts as [string, string, string, string, string, string, string];
  if (!/^\d{3}$/.test(version) || !/^\d{4}-\d{2}-\d{2}$/.test(issuedOn) || !/^[0-9a-f]{32}$/.test(hash) || !/^[0-9a-f]{128}$/i.test(signature) || !keyId) return null;
  const fields = { identifier, version: Number(version), issuedOn, holderHash: hash, keyId };
  return { ...fields, text: text.trim(), signed: body(fields), signature };
}

/**
 * Verifying keys with their multiples precomputed (sm-crypto-v2's precomputePublicKey): about four
 * times faster per verification. Keys are few and rotate rarely; the cache is bounded all the same.
 */
const precomputed = new Map<string, ReturnType<typeof sm2.precomputePublicKey>>();
function verifyingPoint(publicKeyHex: string) {
  let point = precomputed.get(publicKeyHex);
  if (!point) {
    if (precomputed.size >= 64) precomputed.clear();
    point = sm2.precomputePublicKey(publicKeyHex);
    precomputed.set(publicKeyHex, point);
  }
  return point;
}

/** Whether `payload` was signed by the SM2 public key (hex, uncompressed 04…). */
export function signatureHolds(payload: SignedPayload, publicKeyHex: string): boolean {
  try {
    return sm2.doVerifySignature(payload.signed, payload.signature, verifyingPoint(publicKeyHex), { hash: true });
  } catch {
    return false;
  }
}

/** A new SM2 key pair (hex), for the server's signing keys. */
export function newSigningKey(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = sm2.generateKeyPairHex();
  return { privateKey, publicKey };
}
