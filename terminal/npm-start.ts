// `npm start`: builds the screens when their sources changed, then starts the office (launch.ts).
import { ROOT } from './config.js';
import { ensureScreensBuilt } from './screens-build.js';

ensureScreensBuilt(ROOT, console.log);
await import('./launch.js');
