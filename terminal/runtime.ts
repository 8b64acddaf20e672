import type { CertificateTemplate } from '../core/contract/certificates.js';
import type { Db } from '../core/db/connection.js';
import { SyncClient, type SyncClientOptions } from '../core/sync/client.js';
import { openPrinter } from '../native/printer/open.js';
import { openScanner } from '../native/scanner/index.js';
import type { Printer } from '../native/printer/types.js';
import type { TerminalConfig } from './config.js';
import { ScreenHub } from './live/screen-hub.js';
import { A4Worker, type A4WorkerOptions } from './print/a4-worker.js';
import { certificateRenderer } from './certificates/a4-render.js';
import { templateShelf } from './certificates/templates.js';
import { PrintWorker } from './print/worker.js';
import { CounterDesk } from './queue/counter-desk.js';
import { HallQueue } from './queue/hall-queue.js';
import { ServerLink } from './queue/server-link.js';
import { RatingDesk, type RatingDeskOptions } from './ratings/rating-desk.js';
import { TicketHolder } from './ratings/ticket-holder.js';
import { TerminalAttempts } from './security/attempts.js';

/** Everything the API handlers act on, besides the database: the server link, the printer, the queue, the screens. */
export interface TerminalRuntime {
  client: SyncClient;
  link: ServerLink;
  screens: ScreenHub;
  printer: PrintWorker;
  /** The counter's A4 printer (A4_PRINTER over IPP); null when none is set up. */
  a4: A4Worker | null;
  /** The certificate types (assets/certificates or CERTIFICATE_TEMPLATES), by id. */
  templates: (id: string) => CertificateTemplate | null;
  queue: HallQueue;
  desk: CounterDesk;
  ratings: RatingDesk;
  stop(): Promise<void>;
}

export interface RuntimeOptions {
  client?: SyncClient;
  /** For the sync client made here when none is given (tests pin its clocks). */
  sync?: SyncClientOptions;
  log?: (l: string) => void;
  startPrinter?: boolean;
  /** The A4 worker's options; `render` (a certificate to PDF) is composed in by the service. */
  a4?: Partial<A4WorkerOptions>;
  ratings?: Partial<RatingDeskOptions>;
  /** The hall queue's clock; by default this PC's, corrected by the central server's offset. */
  now?: () => Date;
}

export function createRuntime(db: Db, config: TerminalConfig, opts: RuntimeOptions = {}): TerminalRuntime {
  const client = opts.client ?? new SyncClient(db, opts.sync);
  const screens = new ScreenHub();
  const link = new ServerLink(client, () => screens.send({ type: 'status' }));
  const device: Printer | null = config.printer ? openPrinter(config.printer) : null;
  const printer = new PrintWorker(db, device, { timeZone: config.timeZone, log: opts.log, onStatus: () => screens.send({ type: 'status' }) });
  if (opts.startPrinter !== false) printer.start();
  const templates = templateShelf(config.certificateTemplates);
  const a4 = config.a4Printer ? new A4Worker(db, config.a4Printer, { render: certificateRenderer(db, templates, config.timeZone), log: opts.log, ...opts.a4 }) : null;
  if (opts.startPrinter !== false) a4?.start();
  // A serial scanner needs no focus: its codes reach the kiosk screen over the live channel.
  const scanner = config.scanner ? openScanner(config.scanner) : null;
  scanner?.onScan((code) => screens.send({ type: 'scan', code }));
  const queue = new HallQueue(db, link, printer, screens, { timeZone: config.timeZone, fallbackConfigFile: config.hallConfigFile, now: opts.now });
  const holder = new TicketHolder(db, link, new TerminalAttempts(db, () => queue.now().getTime()));
  const ratings = new RatingDesk(queue, screens, { ratingSeconds: config.ratingSeconds, holder, ...opts.ratings });
  ratings.start();
  return {
    client,
    link,
    screens,
    printer,
    a4,
    templates,
    queue,
    desk: new CounterDesk(queue, (t, clerk, counterNo) => ratings.open(t, clerk, counterNo), config.counterIdleMs),
    ratings,
    async stop() {
      ratings.stop();
      await scanner?.close();
      await printer.stop();
      await a4?.stop();
      await device?.close();
      screens.closeAll();
    },
  };
}
