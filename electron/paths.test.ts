import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serviceEnv } from './paths.js';

const where = { isPackaged: true, resourcesPath: '/opt/hall/resources', userData: '/home/k/.config/hall' };

describe('serviceEnv', () => {
  it('in a packaged app keeps the database in the user data folder and reads catalog and screens from resources', () => {
    expect(serviceEnv({ PORT: '4780' }, where)).toEqual({
      PORT: '4780',
      DATA_DIR: join('/home/k/.config/hall', 'data'),
      CATALOG_FILE: join('/opt/hall/resources', 'assets', 'catalog', 'commerce.json'),
      RENDERER_DIR: join('/opt/hall/resources', 'renderer'),
    });
  });

  it('lets the operator override every path', () => {
    const env = { DATA_DIR: '/srv/hall', CATALOG_FILE: '/srv/c.json', RENDERER_DIR: '/srv/r' };
    expect(serviceEnv(env, where)).toEqual(env);
  });

  it('changes nothing in development', () => {
    const env = { ROLE: 'counter' };
    expect(serviceEnv(env, { ...where, isPackaged: false })).toBe(env);
  });
});
