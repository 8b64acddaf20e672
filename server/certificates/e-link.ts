import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ServerConfig } from '../config.js';

/**
 * The electronic certificate's download link: `/e/<certificate id>.<expiry, base 36 ms>.<HMAC-SHA256>`.
 * The server alone can make one (the key never leaves it), so no sign-in is needed to follow it, and
 * it stops working at its expiry.
 */
export type LinkCheck = { ok: true; certificateId: string; expiresAt: number } | { ok: false; why: 'forged' | 'expired' };

const mac = (secret: Buffer, body: string) => createHmac('sha256', secret).update(body).digest('base64url');

export function linkToken(secret: Buffer, certificateId: string, expiresAt: number): string {
  const body = `${certificateId}.${expiresAt.toString(36)}`;
  return `${body}.${mac(secret, body)}`;
}

/** Whether the server made this token, and whether it still works at `now`. An altered token is forged, whatever it claims. */
export function checkLinkToken(secret: Buffer, token: string, now: number): LinkCheck {
  const parts = token.split('.');
  if (parts.length !== 3 || !/^[0-9A-HJKMNP-TV-Z]{26}$/.test(parts[0]!) || !/^[0-9a-z]{1,12}$/.test(parts[1]!)) return { ok: false, why: 'forged' };
  const [certificateId, exp, sig] = parts as [string, string, string];
  const want = Buffer.from(mac(secret, `${certificateId}.${exp}`));
  const got = Buffer.from(sig);
  if (got.length !== want.length || !timingSafeEqual(got, want)) return { ok: false, why: 'forged' };
  const expiresAt = parseInt(exp, 36);
  return expiresAt > now ? { ok: true, certificateId, expiresAt } : { ok: false, why: 'expired' };
}

/** E_LINK_SECRET, or a key made once in DATA_DIR/e-link.key (readable by the server's user only). */
export function eLinkSecret(config: ServerConfig): Buffer {
  if (config.certificates.eLinkSecret) return Buffer.from(config.certificates.eLinkSecret, 'utf8');
  const file = join(config.dataDir, 'e-link.key');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
      chmodSync(file, 0o600);
    } catch (err) {
      if ((err as { code?: string }).code !== 'EEXIST') throw err;
    }
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'utf8');
}
