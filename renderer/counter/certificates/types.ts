import type { z } from 'zod';
import type { CertificateSummary as SummarySchema, CertificateView as ViewSchema, PrintedCertificate as PrintedSchema } from '../../../core/contract/certificate-api.js';
import type { IdType as IdTypeSchema, MailState as MailStateSchema } from '../../../core/contract/certificates.js';

/** The contract's certificate shapes as the screens use them. */
export type CertificateSummary = z.infer<typeof SummarySchema>;
export type CertificateView = z.infer<typeof ViewSchema>;
export type PrintedCertificate = z.infer<typeof PrintedSchema>;
export type IdType = z.infer<typeof IdTypeSchema>;
export type MailStateBody = z.infer<typeof MailStateSchema>;
