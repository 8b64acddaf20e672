// npm run server:announce -- create --hall main --zh 文本 --en Text --ru Текст --from 2026-12-01 --until 2026-12-03
//                          list | withdraw ID
import { adminMain } from './main.js';

process.exitCode = await adminMain(['announce', ...process.argv.slice(2)]);
