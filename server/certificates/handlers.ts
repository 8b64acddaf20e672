import type { FastifyInstance } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { E_LINK_PATH, ServerError, type CertificateDoc, type CertificateTemplate } from '../../core/contract/index.js';
import type { AttemptLimits } from '../auth/attempt-limits.js';
import type { ServerConfig } from '../config.js';
import type { ServerDb } from '../db/connection.js';
import { acceptLang } from '../http/errors.js';
import type { AuthenticateIntegration, ServerHandlers } from '../http/register.js';
import { checkLinkToken, eLinkSecret, linkToken } from './e-link.js';
import { LINK_REFUSAL_STATUS, linkRefusalPage, type LinkRefusal } from './e-page.js';
import { issueDetails } from './import-issues.js';
import { importCertificates, serverTemplates } from './import.js';
import { certificateById } from './store.js';

/** Makes the A4 PDF of a certificate (core/documents/certificate-pdf.ts `certificatePdf`, passed in at start). */
export type CertificatePdfMaker = (cert: CertificateDoc, template: CertificateTemplate) => Promise<Buffer>;

type CertificateHandlers = Pick<ServerHandlers, 'certificateLink' | 'importCertificates'>;

function refuseEnded(doc: CertificateDoc) {
  if (doc.state === 'revoked') throw new ServerError('CERTIFICATE_REVOKED');
  if (doc.state === 'superseded') throw new ServerError('CERTIFICATE_SUPERSEDED');
}

export function certificateHandlers(db: ServerDb, config: ServerConfig): CertificateHandlers {
  return {
    certificateLink: async ({ params }, { terminal }) => {
      const found = await certificateById(db, params.id);
      if (!found || found.doc.hall !== terminal.hall) throw new ServerError('CERTIFICATE_NOT_FOUND');
      refuseEnded(found.doc);
      const expiresAt = config.now() + config.certificates.eLinkMinutes * 60_000;
      const token = linkToken(eLinkSecret(config), found.doc.id, expiresAt);
      return { url: `${config.certificates.publicUrl}/e/${token}`, expiresAt: new Date(expiresAt).toISOString() };
    },
    importCertificates: async ({ body }, { lang }) => {
      const outcome = await importCertificates(db, body, { templates: serverTemplates(config.certificates.templatesDir), keyIssuer: config.certificates.keyIssuer, now: new Date(config.now()) });
      if (!outcome.ok) throw new ServerError('CERTIFICATE_IMPORT_INVALID', issueDetails(outcome.issues, lang));
      return { certificates: outcome.certificates, keyCreated: outcome.keyCreated?.keyId ?? null };
    },
  };
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * INTEGRATION_TOKEN as a bearer token, compared in constant time (over digests, so lengths do not
 * show either); wrong tokens are counted per client address like refused enrollment codes.
 */
export function integrationAuthenticator(config: ServerConfig, limits: AttemptLimits): AuthenticateIntegration {
  return async (req) => {
    const token = config.certificates.integrationToken;
    if (!token) throw new ServerError('NOT_FOUND');
    const given = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim() ?? '';
    await limits.integration(req.ip, async () => {
      if (!given || !timingSafeEqual(digest(given), digest(token))) throw new ServerError('INTEGRATION_UNAUTHORIZED');
    });
  };
}

/**
 * `GET /e/:token`: the electronic certificate's PDF for whoever holds a live link; an altered,
 * expired or ended one gets a page in the visitor's language saying so. Without a PDF maker (or the
 * certificate's template) the page says it cannot be made now.
 */
export function registerElectronicDownload(app: FastifyInstance, db: ServerDb, config: ServerConfig, makePdf: CertificatePdfMaker | undefined): void {
  app.get<{ Params: { token: string } }>(E_LINK_PATH, async (req, reply) => {
    const lang = acceptLang(req.headers['accept-language']);
    const refuse = (why: LinkRefusal) => reply.status(LINK_REFUSAL_STATUS[why]).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(linkRefusalPage(why, lang));
    const check = checkLinkToken(eLinkSecret(config), req.params.token, config.now());
    if (!check.ok) return refuse(check.why);
    const found = await certificateById(db, check.certificateId);
    if (!found) return refuse('not-found');
    if (found.doc.state === 'revoked') return refuse('revoked');
    if (found.doc.state === 'superseded') return refuse('superseded');
    const template = serverTemplates(config.certificates.templatesDir).get(found.doc.template);
    if (!makePdf || !template) return refuse('unavailable');
    let pdf: Buffer;
    try {
      pdf = await makePdf(found.doc, template);
    } catch (err) {
      req.log.error({ certificate: found.doc.id, message: (err as Error).message }, 'certificate PDF failed');
      return refuse('unavailable');
    }
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `inline; filename="certificate-${found.doc.id}.pdf"`)
      .type('application/pdf')
      .send(pdf);
  });
}
