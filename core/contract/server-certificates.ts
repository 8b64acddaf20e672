import { z } from 'zod';
import { Ulid } from './queue.js';

/**
 * The central server's certificate routes (issue 13): a counter asks for an electronic certificate's
 * short-lived download link (signed, like every sync request), and the department's business systems
 * hand over approved certificates (`Authorization: Bearer <INTEGRATION_TOKEN>`; without a configured
 * token the route answers 404). The link itself, `GET /e/:token`, answers the PDF with no sign-in.
 */
export const CertificateLink = z.object({
  /** `<PUBLIC_URL>/e/<token>`: for the counter to show as a QR. */
  url: z.url(),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type CertificateLink = z.infer<typeof CertificateLink>;

export const ImportedCertificate = z.object({
  id: Ulid,
  identifier: z.string(),
  pickupCode: z.string(),
  /** False: imported before with the same data; nothing new was made. */
  created: z.boolean(),
});

export const CertificateImportResult = z.object({
  certificates: z.array(ImportedCertificate),
  /** The signing key this import made, the server having none before. */
  keyCreated: z.string().nullable(),
});

export const E_LINK_PATH = '/e/:token';

const EmptyQuery = z.object({});

export const serverCertificateApi = {
  certificateLink: {
    method: 'POST',
    path: '/api/sync/certificates/:id/link',
    summary: "A short-lived signed link to the certificate's PDF (signed; the counter's hall only); 409 for a revoked or reissued certificate",
    signed: true,
    terminalRoles: ['counter'],
    params: z.object({ id: Ulid }),
    query: EmptyQuery,
    body: z.object({}).default({}),
    response: CertificateLink,
  },
  importCertificates: {
    method: 'POST',
    path: '/api/integration/certificates',
    summary:
      'The business systems hand over approved certificates: one CertificateInput or an array (bearer INTEGRATION_TOKEN); all or nothing, 400 CERTIFICATE_IMPORT_INVALID naming every problem with its path',
    signed: false,
    integration: true,
    query: EmptyQuery,
    body: z.unknown(),
    response: CertificateImportResult,
  },
} as const;
