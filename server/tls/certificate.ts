import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TlsConfig } from '../config.js';

export interface TlsPair {
  cert: string;
  key: string;
  /** SHA-256 of the certificate (AB:CD:…): what a terminal pins when it enrolls. */
  fingerprint: string;
}

/**
 * Writes a self-signed pair (ECDSA P-256, ten years, for 127.0.0.1 and localhost) with the
 * `openssl` command: Node cannot make an X.509 certificate by itself, and openssl is on every Linux
 * and 信创 desktop (on Windows it comes with Git; or set TLS_CERT_FILE and TLS_KEY_FILE).
 */
export function generateSelfSigned(certFile: string, keyFile: string, hosts: readonly string[] = ['127.0.0.1', 'localhost']): void {
  mkdirSync(dirname(certFile), { recursive: true });
  mkdirSync(dirname(keyFile), { recursive: true });
  const san = hosts.map((h) => (/^[\d.]+$|:/.test(h) ? `IP:${h}` : `DNS:${h}`)).join(',');
  // The key is written readable by its owner only (openssl's default umask for -keyout is 0600 on Unix).
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-sha256', '-days', '3650',
      '-subj', '/CN=consultation-hall-central-server', '-addext', `subjectAltName=${san}`, '-keyout', keyFile, '-out', certFile],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
}

/** The pair the server listens with: from TLS_CERT_FILE / TLS_KEY_FILE, made on first run when self-signed; null for plain HTTP. */
export function loadTls(tls: TlsConfig | null): TlsPair | null {
  if (!tls) return null;
  if (tls.selfSigned && !existsSync(tls.certFile) && !existsSync(tls.keyFile)) generateSelfSigned(tls.certFile, tls.keyFile);
  const cert = readFileSync(tls.certFile, 'utf8');
  const key = readFileSync(tls.keyFile, 'utf8');
  return { cert, key, fingerprint: new X509Certificate(cert).fingerprint256 };
}
