import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CertificateTemplate } from '../contract/certificates.js';

/** Where the certificate types live unless configured otherwise (CERTIFICATE_TEMPLATES). */
export const DEFAULT_TEMPLATE_DIR = path.resolve(import.meta.dirname, '../../assets/certificates');

/** Every template in `dir` (one `<id>.json` each), by id; a file that does not parse throws, naming itself. */
export function loadTemplates(dir: string = DEFAULT_TEMPLATE_DIR): Map<string, CertificateTemplate> {
  const templates = new Map<string, CertificateTemplate>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const parsed = CertificateTemplate.safeParse(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
    if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    if (`${parsed.data.id}.json` !== file) throw new Error(`${file}: its id is ${parsed.data.id}; the file must be named ${parsed.data.id}.json`);
    templates.set(parsed.data.id, parsed.data);
  }
  return templates;
}
