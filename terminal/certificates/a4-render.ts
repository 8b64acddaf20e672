import type { CertificateTemplate } from '../../core/contract/certificates.js';
import type { A4Document } from '../../core/contract/print.js';
import type { Db } from '../../core/db/connection.js';
import { getCertificate } from '../../core/certificates/store.js';
import { certificatePdf } from '../../core/documents/certificate-pdf.js';

/** Renders an A4 job at print time from this terminal's record of the certificate (a reprint carries its mark). */
export function certificateRenderer(db: Db, template: (id: string) => CertificateTemplate | null, timeZone: string) {
  return async (document: A4Document): Promise<Uint8Array> => {
    const cert = getCertificate(db, document.certificateId);
    if (!cert) throw new Error(`certificate ${document.certificateId} is not on this terminal`);
    const t = template(cert.template);
    if (!t) throw new Error(`no template ${cert.template} on this terminal`);
    return certificatePdf(cert, t, { timeZone, reprint: document.reprint });
  };
}
