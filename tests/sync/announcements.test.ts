import { describe, expect, it } from 'vitest';
import { Downloader } from '../../core/sync/downloader.js';
import { currentAnnouncements } from '../../core/queue/reference.js';
import { createAnnouncement, withdrawAnnouncement } from '../../server/announcements/repository.js';
import { pruneChanges, latestSeq } from '../../server/sync/changes.js';
import { backends } from '../../server/test-db.js';
import { syncServer } from './upload-helpers.js';

// The office's notices reach the hall's terminals through the change feed, and leave them again.
describe.each(backends)('announcements on $name', (backend) => {
  const server = syncServer(backend, 'hall-announce-');

  it('arrives with a pull, is withdrawn with the next, and comes in a snapshot too', async () => {
    const t = await server.terminal('kiosk');
    const pull = () => new Downloader(t.db, t.client).pull();
    const a = await createAnnouncement(server.db, { hall: 'main', text: { 'zh-CN': '12月1日下午停电检修，暂停办理。', en: 'Closed on the afternoon of 1 December for maintenance.', ru: '1 декабря после обеда закрыто на обслуживание.' }, from: '2026-12-01', until: '2026-12-01' }, Date.now());
    await pull();
    expect(currentAnnouncements(t.db, 'main', '2026-12-01').map((x) => x.text.en)).toEqual(['Closed on the afternoon of 1 December for maintenance.']);
    expect(currentAnnouncements(t.db, 'main', '2026-12-02')).toEqual([]);

    await withdrawAnnouncement(server.db, a.id, Date.now());
    await pull();
    expect(currentAnnouncements(t.db, 'main', '2026-12-01')).toEqual([]);

    // A terminal whose cursor fell behind the pruned feed gets the snapshot, announcements included.
    await createAnnouncement(server.db, { hall: 'main', text: { 'zh-CN': '元旦放假', en: 'Closed for New Year', ru: 'Закрыто на Новый год' }, from: '2099-01-01', until: '2099-01-01' }, Date.now());
    const fresh = await server.terminal('late');
    await pruneChanges(server.db, await latestSeq(server.db));
    expect((await new Downloader(fresh.db, fresh.client).pull()).snapshot).toBe(true);
    expect(currentAnnouncements(fresh.db, 'main', '2099-01-01').map((x) => x.text.en)).toEqual(['Closed for New Year']);
  });

  it('refuses a notice that ends before it starts, and publishes nothing', async () => {
    const before = await latestSeq(server.db);
    await expect(createAnnouncement(server.db, { hall: 'main', text: { 'zh-CN': '甲', en: 'a', ru: 'а' }, from: '2026-12-02', until: '2026-12-01' }, Date.now())).rejects.toThrow('VALIDATION_FAILED');
    expect(await latestSeq(server.db)).toBe(before);
  });
});
