import { existsSync } from 'node:fs';
import type { CertificateTemplate } from '../../core/contract/certificates.js';
import { loadTemplates } from '../../core/documents/templates.js';

/** The certificate types of this terminal, read once on first use; a terminal without the folder still finds and verifies, it only cannot print. */
export function templateShelf(dir: string): (id: string) => CertificateTemplate | null {
  let templates: Map<string, CertificateTemplate> | null = null;
  return (id) => {
    templates ??= existsSync(dir) ? loadTemplates(dir) : new Map();
    return templates.get(id) ?? null;
  };
}
