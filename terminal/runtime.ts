import type { Db } from '../core/db/connection.js';
import { SyncClient, type SyncClientOptions } from '../core/sync/client.js';
import { openPrinter } from '../native/printer/open.js';
import { openScanner } from '../native/scanner/index.js';
import type { Printer } from '../native/printer/types.js';
import type { TerminalConfig } from './config.js';
import { ScreenHub } from './live/screen-hub.js';
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
    queue,
    desk: new CounterDesk(queue, (t, clerk, counterNo) => ratings.open(t, clerk, counterNo), config.counterIdleMs),
    ratings,
    async stop() {
      ratings.stop();
      await scanner?.close();
      await printer.stop();
      await device?.close();
      screens.closeAll();
    },
  };
}
