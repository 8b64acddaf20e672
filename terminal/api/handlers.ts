import { AppError } from '../../core/contract/index.js';
import { catalogStats, getProcedureDetail, listCategories, listProhibitions } from '../../core/catalog/repository.js';
import type { Db } from '../../core/db/connection.js';
import { deviceId } from '../../core/db/meta.js';
import { schemaVersion } from '../../core/db/migrate.js';
import { pendingCount } from '../../core/outbox/outbox.js';
import { searchProcedures } from '../../core/search/search.js';
import type { TerminalConfig } from '../config.js';
import type { TerminalRuntime } from '../runtime.js';
import { certificateHandlers } from './certificate-handlers.js';
import { feedbackHandlers } from './feedback-handlers.js';
import { hallHandlers } from './hall-handlers.js';
import type { Handlers } from './register.js';

export function terminalHandlers(db: Db, config: TerminalConfig, version: string, runtime: TerminalRuntime): Handlers {
  return {
    ...hallHandlers(db, config, runtime),
    ...feedbackHandlers(db, config, runtime),
    ...certificateHandlers(db, config, runtime),
    health: () => ({
      status: 'ok',
      version,
      role: config.role,
      deviceId: deviceId(db),
      database: { ok: true, schemaVersion: schemaVersion(db), outboxPending: pendingCount(db) },
      catalog: catalogStats(db),
      time: new Date().toISOString(),
    }),
    kioskConfig: () => ({
      idleSeconds: config.idleSeconds,
      countdownSeconds: config.countdownSeconds,
      languages: ['zh-CN', 'en', 'ru'],
      defaultLanguage: 'zh-CN',
      timeZone: config.timeZone,
    }),
    searchProcedures: (q) => searchProcedures(db, q),
    getProcedure: ({ id, lang }) => {
      const detail = getProcedureDetail(db, id, lang);
      if (!detail) throw new AppError('NOT_FOUND');
      return detail;
    },
    listCategories: ({ lang }) => listCategories(db, lang),
    listProhibitions: ({ lang }) => listProhibitions(db, lang),
  };
}
