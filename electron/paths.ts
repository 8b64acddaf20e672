// Where a packaged app finds its data and resources. Pure: main.ts passes app.isPackaged etc.
import { join } from 'node:path';

export interface AppLocation {
  isPackaged: boolean;
  /** process.resourcesPath: holds extraResources (assets/, renderer/) next to app.asar. */
  resourcesPath: string;
  /** app.getPath('userData'): writable per-user folder. */
  userData: string;
}

/**
 * Environment for loadConfig(): in a packaged app the database lives in the user's data folder (the
 * install folder is read-only) and the catalog and screens come from extraResources. Variables the
 * operator set always win; in development nothing changes.
 */
export function serviceEnv(env: NodeJS.ProcessEnv, where: AppLocation): NodeJS.ProcessEnv {
  if (!where.isPackaged) return env;
  return {
    ...env,
    DATA_DIR: env.DATA_DIR || join(where.userData, 'data'),
    CATALOG_FILE: env.CATALOG_FILE || join(where.resourcesPath, 'assets', 'catalog', 'commerce.json'),
    RENDERER_DIR: env.RENDERER_DIR || join(where.resourcesPath, 'renderer'),
  };
}
