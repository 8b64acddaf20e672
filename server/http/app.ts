import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { certificatePdf } from '../../core/documents/certificate-pdf.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLERK_SESSION_HEADER, SERVER_BODY_LIMIT_BYTES, SERVER_TIME_HEADER, ServerError } from '../../core/contract/index.js';
import { AttemptLimits } from '../auth/attempt-limits.js';
import { verifySignedRequest } from '../auth/verify-request.js';
import { certificateHandlers, integrationAuthenticator, registerElectronicDownload, type CertificatePdfMaker } from '../certificates/handlers.js';
import { SERVER_ROOT, type ServerConfig } from '../config.js';
import type { ServerDb } from '../db/connection.js';
import { applyStoredEvents } from '../events/apply.js';
import { eventAppliers } from '../events/appliers.js';
import { storeEvents } from '../events/repository.js';
import { changesAfter } from '../sync/changes.js';
import { startChangePruning } from '../sync/retention.js';
import { startCloseOut } from '../queue/close-out.js';
import { startRetentionPurge } from '../retention/purge.js';
import { LiveHub, registerLive } from '../sync/live.js';
import { queueHandlers } from '../queue/handlers.js';
import { ratingHolderHandlers } from '../ratings/holder.js';
import { hallPublisher, type HallPublish } from '../queue/publish.js';
import { clerkFromSession } from '../staff/counter-sessions.js';
import { staffFromHeader } from '../staff/sessions.js';
import { loadCalendar, type WorkingCalendar } from '../calendar/calendar.js';
import { startEscalation } from '../supervision/escalation.js';
import { supervisionHandlers } from '../supervision/handlers.js';
import { certificateSupervisionHandlers } from '../supervision/certificate-handlers.js';
import { parserRefusal, routerRefusal } from '../../core/common/http-refusals.js';
import { securityHeaders } from '../../core/common/security-headers.js';
import { serverLogger } from './logging.js';
import { enrollTerminal, recordHeartbeat, toRecord, touchLastSeen } from '../terminals/repository.js';
import { acceptLang, errorBody, serverErrors } from './errors.js';
import { serverOpenApi } from './openapi.js';
import { registerServerApi, type ServerHandlers } from './register.js';
import { registerScreens } from './screens.js';

export const SERVER_VERSION = (JSON.parse(readFileSync(join(SERVER_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function handlers(db: ServerDb, config: ServerConfig, publish: HallPublish, calendar: WorkingCalendar): ServerHandlers {
  const limits = new AttemptLimits(db, config.attemptLimits, config.now);
  const appliers = eventAppliers(config, calendar, publish);
  return {
    ...queueHandlers(db, config, publish, limits),
    ...ratingHolderHandlers(db, config, limits),
    ...supervisionHandlers(db, config, limits),
    ...certificateSupervisionHandlers(db, config, limits),
    ...certificateHandlers(db, config),
    enroll: ({ body }, { clientAddress }) => limits.enroll(clientAddress, () => enrollTerminal(db, body, config.now())),
    terminalMe: async (_input, { terminal }) => {
      const now = config.now();
      return { terminal: toRecord(await touchLastSeen(db, terminal.id, now)), serverTime: now };
    },
    heartbeat: async ({ body }, { terminal }) => {
      const now = config.now();
      await recordHeartbeat(db, terminal.id, body, now);
      return { serverTime: now };
    },
    uploadEvents: async ({ body }, { terminal }) => {
      const now = config.now();
      const committed: (() => void)[] = [];
      const ctx = { terminal, now: new Date(now), afterCommit: (fn: () => void) => committed.push(fn) };
      const answer = await storeEvents(db, terminal.id, body, now, (tx, events) => applyStoredEvents(tx, events, appliers, ctx));
      for (const fn of committed) fn();
      return answer;
    },
    changes: ({ after, limit }, { terminal }) => changesAfter(db, after, limit, { now: config.now(), timeZone: config.hallTimeZone }, terminal),
  };
}

/** The central server's HTTP API. Every response carries the server's clock, so terminals can measure their offset. */
export interface ServerAppOptions {
  logger?: boolean;
  /** Where the log goes when `logger` is on (stdout otherwise); tests read it. */
  logStream?: NodeJS.WritableStream;
  /** The working-day calendar; HOLIDAYS_FILE otherwise. */
  calendar?: WorkingCalendar;
  /** How often overdue cases and complaints are escalated, ms. */
  escalateEveryMs?: number;
  /** The live sockets; pass one to publish hall events from outside. */
  live?: LiveHub;
  /** How often the live channel checks the change feed, ms. */
  livePollMs?: number;
  /** How often the queue looks for a day to close (QUEUE_CLOSE_OUT), ms. */
  closeOutEveryMs?: number;
  /** How often changes older than CHANGE_RETENTION_DAYS are pruned, ms. */
  pruneEveryMs?: number;
  /** Listen with HTTPS (server/tls/certificate.ts loadTls); plain HTTP otherwise. */
  https?: { cert: string; key: string };
  /** The built screens; dist/renderer otherwise. */
  screensDir?: string;
  /** How often personal data past its retention is purged (server/retention/purge.ts), ms. */
  purgeEveryMs?: number;
  /** Makes an electronic certificate's PDF for `GET /e/:token`; the A4 builder of core/documents by default. */
  certificatePdf?: CertificatePdfMaker;
}

export async function buildServerApp(db: ServerDb, config: ServerConfig, opts: ServerAppOptions = {}): Promise<FastifyInstance> {
  const calendar = opts.calendar ?? loadCalendar(config.holidaysFile);
  const app = Fastify({
    logger: opts.logger ? serverLogger(opts.logStream) : false,
    bodyLimit: SERVER_BODY_LIMIT_BYTES,
    frameworkErrors: routerRefusal(serverErrors),
    clientErrorHandler: parserRefusal(serverErrors),
    ...(opts.https ? { https: opts.https } : {}),
  }) as FastifyInstance;
  app.addHook('onSend', async (req, reply) => {
    reply.header(SERVER_TIME_HEADER, String(config.now()));
    reply.headers(securityHeaders(req.url));
  });
  const authenticate = (req: FastifyRequest, body: Buffer) =>
    verifySignedRequest(db, { method: req.method, url: req.url, headers: req.headers, body }, { now: config.now(), windowMs: config.signatureWindowMs });
  const live = opts.live ?? new LiveHub();
  const publish = hallPublisher(live, app.log);
  const clerkSession = (req: FastifyRequest) => {
    const h = req.headers[CLERK_SESSION_HEADER];
    return typeof h === 'string' ? h : undefined;
  };
  registerServerApi(
    app,
    handlers(db, config, publish, calendar),
    serverErrors,
    authenticate,
    (req) => staffFromHeader(db, req.headers.authorization, config.now()),
    (req, terminal) => clerkFromSession(db, clerkSession(req), terminal, config.now()),
    integrationAuthenticator(config, new AttemptLimits(db, config.attemptLimits, config.now)),
  );
  registerElectronicDownload(app, db, config, opts.certificatePdf ?? ((cert, template) => certificatePdf(cert, template, { timeZone: config.hallTimeZone })));
  await registerLive(app, db, live, { pollMs: opts.livePollMs ?? 1000, authenticate: (req) => authenticate(req, Buffer.alloc(0)) });
  app.get('/api/openapi.json', async () => serverOpenApi(SERVER_VERSION));
  const stopEscalation = startEscalation(db, config, opts.escalateEveryMs ?? 5 * 60_000, (msg) => app.log.warn(msg));
  const stopPruning = startChangePruning(db, config, opts.pruneEveryMs ?? 60 * 60_000, (msg) => app.log.warn(msg));
  const stopCloseOut = startCloseOut(db, config, publish, opts.closeOutEveryMs ?? 60_000, app.log);
  const stopPurge = startRetentionPurge(db, config, opts.purgeEveryMs ?? 60 * 60_000, (msg) => app.log.warn(msg));
  app.addHook('onClose', async () => {
    stopEscalation();
    stopPruning();
    stopCloseOut();
    stopPurge();
  });
  await registerScreens(app, opts.screensDir);
  app.setNotFoundHandler((req, reply) => {
    const { status, body } = errorBody(new ServerError('NOT_FOUND'), acceptLang(req.headers['accept-language']));
    return reply.status(status).send(body);
  });
  return app;
}
