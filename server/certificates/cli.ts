import { CertificateState } from '../../core/contract/index.js';
import type { ServerConfig } from '../config.js';
import type { ServerDb } from '../db/connection.js';
import { fmt, table } from '../admin/table.js';
import { issueDetails } from './import-issues.js';
import { importCertificateText, serverTemplates } from './import.js';
import { createKey, KeyStateError, rotateKey } from './keys.js';
import { CertificateStateError, reissueCertificate, revokeCertificate } from './lifecycle.js';
import { listCertificates, listKeysWithUse } from './list.js';

export const CERTIFICATE_USAGE = `  certificate import FILE         certificates from the business systems (JSON: one or an array); checked
                                  against the templates (CERTIFICATE_TEMPLATES), the catalog and the halls;
                                  all or nothing; each reaches its hall's terminals
  certificate list [--hall HALL] [--state STATE] [--json]
                                  certificates with state, hall, number and holder
  certificate revoke IDENTIFIER --reason TEXT
                                  revokes it from the hall's today on; the terminals learn it
  certificate reissue IDENTIFIER  the next version (new identifier and signature); the old one is superseded
  certificate key create          the first SM2 signing key (the first import makes one if there is none)
  certificate key rotate          a new signing key; the old one is retired but still verifies
  certificate key list            the signing keys (public part) and what each signed`;

export class CertificateUsageError extends Error {}

export interface CertificateIo {
  db: () => Promise<ServerDb>;
  out: (line: string) => void;
  readFile: (path: string) => string;
}

type Values = { hall?: string; state?: string; json?: boolean; reason?: string };

/** `server:admin -- certificate …`; throws an Error whose message the operator reads (nothing changed). */
export async function certificateCommand(action: string | undefined, positionals: string[], values: Values, io: CertificateIo, config: ServerConfig): Promise<void> {
  const { db, out } = io;
  const now = new Date(config.now());
  const issuer = config.certificates.keyIssuer;
  switch (action) {
    case 'import': {
      const file = positionals[0];
      if (!file) throw new CertificateUsageError('certificate import needs a FILE');
      const outcome = await importCertificateText(await db(), io.readFile(file), { templates: serverTemplates(config.certificates.templatesDir), keyIssuer: issuer, now });
      if (!outcome.ok) {
        const lines = issueDetails(outcome.issues, 'en').map((i) => `  ${i.path}: ${i.message}`);
        throw new Error(`The certificate file has ${outcome.issues.length} error(s); nothing was imported.\n${lines.join('\n')}`);
      }
      if (outcome.keyCreated) out(`No signing key yet: made key ${outcome.keyCreated.keyId}; terminals receive its public part.`);
      const made = outcome.certificates.filter((c) => c.created);
      for (const c of made) out(`Imported ${c.identifier} (pickup code ${c.pickupCode}).`);
      const same = outcome.certificates.length - made.length;
      if (same) out(`${same} certificate(s) were imported before with the same data; nothing new for them.`);
      out(`${made.length} certificate(s) imported; their halls' terminals pull them now.`);
      return;
    }
    case 'list': {
      const state = values.state?.trim();
      if (state && !CertificateState.safeParse(state).success) throw new CertificateUsageError(`--state is one of ${CertificateState.options.join(', ')}`);
      const rows = await listCertificates(await db(), { hall: values.hall?.trim() || null, state: state || null });
      if (values.json) return out(JSON.stringify(rows, null, 2));
      out(
        rows.length
          ? table(
              ['STATE', 'HALL', 'NUMBER', 'NAME', 'HOLDER', 'VERSION', 'READY', 'IDENTIFIER'],
              rows.map((r) => [r.state, r.hall, r.number, r.name, r.holder, String(r.version).padStart(3, '0'), fmt(r.readyAt), r.identifier]),
            )
          : 'No certificates.',
      );
      return;
    }
    case 'revoke': {
      const identifier = positionals[0];
      const reason = values.reason?.trim();
      if (!identifier || !reason) throw new CertificateUsageError('certificate revoke needs IDENTIFIER and --reason TEXT');
      const doc = await revokeCertificate(await db(), identifier, reason, now, config.hallTimeZone);
      out(`Revoked ${doc.identifier} on ${doc.revoked?.on} (${reason}); hall ${doc.hall}'s terminals learn it now, and verifying it answers revoked.`);
      return;
    }
    case 'reissue': {
      const identifier = positionals[0];
      if (!identifier) throw new CertificateUsageError('certificate reissue needs IDENTIFIER');
      const { doc } = await reissueCertificate(await db(), identifier, now);
      out(`Reissued as ${doc.identifier} (version ${String(doc.version).padStart(3, '0')}, pickup code ${doc.pickupCode}); ${identifier} is superseded.`);
      return;
    }
    case 'key': {
      const sub = positionals[0];
      if (sub === 'create') {
        const key = await createKey(await db(), issuer, now);
        out(`Signing key ${key.keyId} created; terminals receive its public part.`);
        return;
      }
      if (sub === 'rotate') {
        const { retired, created } = await rotateKey(await db(), issuer, now);
        out(`Signing key ${created.keyId} is active${retired ? `; ${retired.keyId} is retired (what it signed still verifies)` : ''}.`);
        return;
      }
      if (sub === 'list') {
        const keys = await listKeysWithUse(await db());
        if (values.json) return out(JSON.stringify(keys, null, 2));
        out(keys.length ? table(['KEY', 'STATE', 'ISSUER', 'ACTIVE FROM', 'RETIRED', 'SIGNED', 'PUBLIC KEY'], keys.map((k) => [k.keyId, k.retiredAt ? 'retired' : 'active', k.issuer, fmt(k.activeFrom), fmt(k.retiredAt), String(k.signed), `${k.publicKey.slice(0, 18)}…`])) : 'No signing keys yet.');
        return;
      }
      throw new CertificateUsageError('certificate key takes create, rotate or list');
    }
    default:
      throw new CertificateUsageError(action ? `Unknown command "certificate ${action}"` : 'certificate needs a command');
  }
}

/** The refusals an operator reads as they are: their message says nothing was changed. */
export const isCertificateRefusal = (err: unknown) => err instanceof CertificateStateError || err instanceof KeyStateError;
