import { AppError, type certificateApi } from '../../core/contract/index.js';
import type { Db } from '../../core/db/connection.js';
import type { TerminalConfig } from '../config.js';
import type { TerminalRuntime } from '../runtime.js';
import type { Handlers } from './register.js';

type CertificateHandlers = Pick<Handlers, keyof typeof certificateApi>;

/** Placeholder until the terminal's certificate store lands: every route answers CERTIFICATE_NOT_FOUND. */
export function certificateHandlers(_db: Db, _config: TerminalConfig, _rt: TerminalRuntime): CertificateHandlers {
  const none = () => {
    throw new AppError('CERTIFICATE_NOT_FOUND');
  };
  return {
    findCertificates: () => ({ certificates: [] }),
    getCertificate: none,
    handOverCertificate: none,
    reprintCertificate: none,
    mailCertificate: none,
    mailState: none,
    electronicLink: none,
    kioskPrintCertificate: none,
    verifyCertificate: none,
  };
}
