import { creditCodeProblem } from './credit-code.js';
import { mod37_36 } from './iso7064.js';

/**
 * 证照标识 (GB/T 36904-2018) as provincial systems write it:
 * `1.2.156.3005.2.<type code>.<issuer code>.<serial>.<3-digit version>.<check>`. The type code is a
 * 统一社会信用代码 plus a 3-digit sequence, the issuer code a 统一社会信用代码; the check character is
 * ISO 7064 MOD 37,36 over type code, issuer code, serial and version joined without dots.
 */
export const CERTIFICATE_ID_PREFIX = '1.2.156.3005.2';

export interface CertificateIdParts {
  typeCode: string;
  issuerCode: string;
  serial: string;
  version: number;
}

export type CertificateIdProblem = 'form' | 'type-code' | 'issuer-code' | 'version' | 'check';

const version3 = (v: number) => String(v).padStart(3, '0');
const checkOf = (p: CertificateIdParts) => mod37_36(`${p.typeCode}${p.issuerCode}${p.serial}${version3(p.version)}`);

function partsProblem(p: CertificateIdParts): CertificateIdProblem | null {
  if (!/^[0-9A-Z]{18}\d{3}$/.test(p.typeCode) || creditCodeProblem(p.typeCode.slice(0, 18))) return 'type-code';
  if (creditCodeProblem(p.issuerCode)) return 'issuer-code';
  if (!/^[0-9A-Z]{1,32}$/.test(p.serial)) return 'form';
  if (!Number.isInteger(p.version) || p.version < 1 || p.version > 999) return 'version';
  return null;
}

/** The full identifier of these parts; throws on parts that cannot make one (check them with certificateIdProblem first). */
export function buildCertificateId(p: CertificateIdParts): string {
  const problem = partsProblem(p);
  if (problem) throw new Error(`Cannot build a certificate identifier: ${problem}`);
  return `${CERTIFICATE_ID_PREFIX}.${p.typeCode}.${p.issuerCode}.${p.serial}.${version3(p.version)}.${checkOf(p)}`;
}

/** The parts of a well-formed identifier, or what is wrong with it. */
export function parseCertificateId(id: string): { parts: CertificateIdParts } | { problem: CertificateIdProblem } {
  if (!id.startsWith(`${CERTIFICATE_ID_PREFIX}.`)) return { problem: 'form' };
  const rest = id.slice(CERTIFICATE_ID_PREFIX.length + 1).split('.');
  if (rest.length !== 5 || !/^\d{3}$/.test(rest[3]!) || !/^[0-9A-Z]$/.test(rest[4]!)) return { problem: 'form' };
  const parts = { typeCode: rest[0]!, issuerCode: rest[1]!, serial: rest[2]!, version: Number(rest[3]) };
  const problem = partsProblem(parts);
  if (problem) return { problem };
  return checkOf(parts) === rest[4] ? { parts } : { problem: 'check' };
}

/** The same certificate at another version (a reissue raises it by one). */
export const withVersion = (p: CertificateIdParts, version: number) => buildCertificateId({ ...p, version });

/** The identifier without version and check: what every version of one certificate shares. */
export const certificateLineage = (p: CertificateIdParts) => `${CERTIFICATE_ID_PREFIX}.${p.typeCode}.${p.issuerCode}.${p.serial}`;
