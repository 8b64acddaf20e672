import type { CertificateKey, CertificateTemplate } from '../../core/contract/index.js';
import { loadTemplates } from '../../core/documents/templates.js';
import type { ServerDb } from '../db/connection.js';
import { listHallConfigs, serverCatalog } from '../halls/repository.js';
import type { ImportIssue } from './import-issues.js';
import { activeKey, insertKey, lockKeys } from './keys.js';
import { canonical, certificateByIdentifier, inputOf, insertVersion, newDoc, newPickupCode } from './store.js';
import { checkCertificates } from './validate.js';

export interface ImportedCertificate {
  id: string;
  identifier: string;
  pickupCode: string;
  /** False: the same certificate was imported before with the same data; nothing new. */
  created: boolean;
}

export type ImportOutcome = { ok: true; certificates: ImportedCertificate[]; keyCreated: CertificateKey | null } | { ok: false; issues: ImportIssue[] };

export interface ImportOptions {
  templates: ReadonlyMap<string, CertificateTemplate>;
  /** Who signs, for the key the first import makes when the server has none. */
  keyIssuer: string;
  now: Date;
}

/** The templates of CERTIFICATE_TEMPLATES; none while the directory does not exist. */
export function serverTemplates(dir: string): Map<string, CertificateTemplate> {
  try {
    return loadTemplates(dir);
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return new Map();
    throw err;
  }
}

/**
 * Imports one CertificateInput or an array of them, in one transaction: a file with any problem
 * changes nothing and names every problem. Each new certificate gets its version-1 identifier, a
 * pickup code, a QR signed with the active key (the first import makes one) and a 'certificate'
 * change. A certificate imported before with the same data is left as it is; with other data refused.
 */
export async function importCertificates(db: ServerDb, json: unknown, opts: ImportOptions): Promise<ImportOutcome> {
  return db
    .transaction()
    .execute(async (tx) => {
      // One import (or key change, or reissue) at a time: two files with the same certificate cannot both find it new.
      await lockKeys(tx);
      const catalog = await serverCatalog(tx);
      const halls = new Set((await listHallConfigs(tx)).map((h) => h.hall));
      const checked = checkCertificates(json, { templates: opts.templates, catalog, halls });
      if (!checked.ok) return checked;
      const issues: ImportIssue[] = [];
      const fresh: typeof checked.items = [];
      const certificates: ImportedCertificate[] = [];
      for (const item of checked.items) {
        const before = await certificateByIdentifier(tx, item.identifier);
        if (!before) fresh.push(item);
        else if (canonical(inputOf(before)) === canonical(item.input)) certificates.push({ id: before.doc.id, identifier: item.identifier, pickupCode: before.doc.pickupCode, created: false });
        else issues.push({ path: item.at, code: 'changed-use-reissue', params: { identifier: item.identifier } });
      }
      if (issues.length) return { ok: false as const, issues };
      if (!fresh.length) return { ok: true as const, certificates, keyCreated: null };
      let keyCreated: CertificateKey | null = null;
      let key = await activeKey(tx);
      if (!key) {
        keyCreated = await insertKey(tx, opts.keyIssuer, opts.now);
        key = await activeKey(tx);
      }
      const taken = new Set<string>();
      for (const item of fresh) {
        const pickupCode = await newPickupCode(tx, taken);
        const doc = newDoc({ input: item.input, template: item.template, identifier: item.identifier, version: 1, pickupCode, key: key! });
        await insertVersion(tx, doc, item.input.holder.code, item.input.phone, opts.now);
        certificates.push({ id: doc.id, identifier: doc.identifier, pickupCode, created: true });
      }
      return { ok: true as const, certificates, keyCreated };
    });
}

/** The same, from a file's text (the admin CLI). */
export async function importCertificateText(db: ServerDb, text: string, opts: ImportOptions): Promise<ImportOutcome> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, issues: [{ path: '', code: 'not-json', params: { detail: (err as Error).message } }] };
  }
  return importCertificates(db, json, opts);
}
