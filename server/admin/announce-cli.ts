// npm run server:announce -- create --hall main --zh 文本 --en Text --ru Текст --from 2026-12-01 --until 2026-12-03
//                          list | withdraw ID
import { parseArgs } from 'node:util';
import { loadServerConfig } from '../config.js';
import { openServerDb } from '../db/connection.js';
import { createAnnouncement, currentAnnouncements, withdrawAnnouncement } from '../announcements/repository.js';
import { hallDay } from '../queue/day.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { hall: { type: 'string' }, zh: { type: 'string' }, en: { type: 'string' }, ru: { type: 'string' }, from: { type: 'string' }, until: { type: 'string' } },
});
const config = loadServerConfig();
const db = await openServerDb(config.db);
try {
  const now = config.now();
  switch (positionals[0]) {
    case 'create': {
      const a = await createAnnouncement(db, { hall: values.hall, text: { 'zh-CN': values.zh, en: values.en, ru: values.ru }, from: values.from, until: values.until }, now);
      console.log(`Announcement ${a.id} for hall ${a.hall}, ${a.from} to ${a.until}: on the terminals at their next sync.`);
      break;
    }
    case 'list':
      for (const a of await currentAnnouncements(db, hallDay(now, config.hallTimeZone))) console.log(`${a.id}  ${a.hall}  ${a.from}..${a.until}  ${a.text['zh-CN']}`);
      break;
    case 'withdraw':
      if (!(await withdrawAnnouncement(db, positionals[1] ?? '', now))) throw new Error(`No announcement ${positionals[1]}`);
      console.log('Withdrawn from every terminal.');
      break;
    default:
      console.error('Usage: npm run server:announce -- create --hall H --zh TEXT --en TEXT --ru TEXT --from YYYY-MM-DD --until YYYY-MM-DD | list | withdraw ID');
      process.exitCode = 2;
  }
} catch (err) {
  console.error((err as Error).message, JSON.stringify((err as { details?: unknown }).details ?? ''));
  process.exitCode = 1;
} finally {
  await db.destroy();
}
