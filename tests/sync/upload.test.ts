import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { appendEvent } from '../../core/outbox/outbox.js';
import { SyncClient } from '../../core/sync/client.js';
import { deadLetters, Uploader, uploadStatus } from '../../core/sync/upload.js';
import { backends } from '../../server/test-db.js';
import { startUploadSync } from '../../terminal/sync/upload-sync.js';
import { serverEvents, syncServer, until } from './upload-helpers.js';

describe.each(backends)('a terminal uploads its outbox to the central server on $name', (backend) => {
  const fx = syncServer(backend, 'hall-upload-');


  it('sends events in device_seq order in batches and marks them sent once acknowledged', async () => {
    const { db, client, terminalId } = await fx.terminal('batches');
    for (let i = 1; i <= 25; i++) appendEvent(db, 'ticket.issued', { n: i });
    const uploader = new Uploader(db, client, { maxEvents: 10 });
    expect(await uploader.round()).toEqual({ kind: 'sent', ackedThrough: 10, marked: 10, more: true });
    expect(uploadStatus(db).pending).toBe(15);
    expect(await uploader.round()).toMatchObject({ ackedThrough: 20 });
    expect(await uploader.round()).toMatchObject({ ackedThrough: 25, more: false });
    expect(await uploader.round()).toEqual({ kind: 'idle' });
    const rows = await serverEvents(fx.db, terminalId);
    expect(rows.map((r) => r.device_seq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(rows[24]!.payload).toEqual({ n: 25 });
    expect(uploadStatus(db)).toMatchObject({ pending: 0, dead: 0, lastError: null });
    expect(uploadStatus(db).lastSuccessAt).not.toBeNull();
  });

  it('an event the server refuses is dead-lettered for staff and the rest still arrive', async () => {
    const { db, client, terminalId } = await fx.terminal('dead');
    appendEvent(db, 'ticket.issued', { n: 1 });
    appendEvent(db, 'Not A Type', { n: 2 });
    appendEvent(db, 'ticket.issued', { n: 3 });
    const uploader = new Uploader(db, client);
    expect(await uploader.round()).toEqual({ kind: 'dead-lettered', seqs: [2] });
    expect(await uploader.round()).toMatchObject({ kind: 'sent', ackedThrough: 3, more: false });
    expect((await serverEvents(fx.db, terminalId)).map((r) => r.device_seq)).toEqual([1, 3]);
    expect(uploadStatus(db)).toMatchObject({ pending: 0, dead: 1 });
    expect(deadLetters(db)).toMatchObject([{ deviceSeq: 2, type: 'Not A Type', reason: expect.stringContaining('events.1.type') }]);
    // Later events are acknowledged past the dead letter.
    appendEvent(db, 'ticket.issued', { n: 4 });
    expect(await uploader.round()).toMatchObject({ kind: 'sent', ackedThrough: 4 });
  });

  it('an unreachable server leaves everything pending, to be retried', async () => {
    const { db, client } = await fx.terminal('offline');
    db.prepare('UPDATE sync_identity SET server_url = ?').run('http://127.0.0.1:9');
    appendEvent(db, 'ticket.issued', { n: 1 });
    expect(await new Uploader(db, client).round()).toMatchObject({ kind: 'retry', code: 'NETWORK' });
    expect(uploadStatus(db)).toMatchObject({ pending: 1, dead: 0, lastError: 'NETWORK' });
  });

  it('every local write triggers an upload; the sync keeps one upload at a time', async () => {
    const { db, client, terminalId } = await fx.terminal('kick');
    const sync = startUploadSync(db, client, { maxEvents: 7, intervalMs: 3_600_000 });
    try {
      for (let i = 1; i <= 40; i++) db.transaction(() => appendEvent(db, 'ticket.issued', { n: i }))();
      await until(() => sync.status().pending === 0, 20_000);
      await sync.settled();
      expect((await serverEvents(fx.db, terminalId)).map((r) => r.device_seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    } finally {
      sync.stop();
    }
  });
});

describe.each(backends)('upload retries and refusals on $name', (backend) => {
  const fx = syncServer(backend, 'hall-upload-retry-');

  it('a refusal that does not say which event is wrong is narrowed down one event at a time', async () => {
    const { db, terminalId } = await fx.terminal('probe');
    // A server (or a proxy in front of it) that refuses any batch holding the poison without details.
    const refusing: typeof fetch = async (input, init) => {
      if (typeof init?.body === 'string' && init.body.includes('poison'))
        return new Response(JSON.stringify({ error: { code: 'VALIDATION_FAILED', message: 'no' } }), { status: 400, headers: { 'content-type': 'application/json' } });
      return fetch(input, init);
    };
    const uploader = new Uploader(db, new SyncClient(db, { fetch: refusing }));
    appendEvent(db, 'ticket.issued', { n: 1 });
    appendEvent(db, 'ticket.issued', { n: 2, note: 'poison' });
    appendEvent(db, 'ticket.issued', { n: 3 });
    const rounds = [];
    for (let r = await uploader.round(); r.kind !== 'idle'; r = await uploader.round()) rounds.push(r.kind);
    expect(rounds).toEqual(['retry', 'sent', 'retry', 'dead-lettered', 'sent']);
    expect((await serverEvents(fx.db, terminalId)).map((r) => r.device_seq)).toEqual([1, 3]);
    expect(uploadStatus(db)).toMatchObject({ pending: 0, dead: 1 });
  });

  it('a server that accepts the connection and never answers is a network error after the timeout', async () => {
    const { db } = await fx.terminal('silent');
    const silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      db.prepare('UPDATE sync_identity SET server_url = ?').run(`http://127.0.0.1:${(silent.address() as AddressInfo).port}`);
      appendEvent(db, 'ticket.issued', { n: 1 });
      expect(await new Uploader(db, new SyncClient(db, { timeoutMs: 300 })).round()).toMatchObject({ kind: 'retry', code: 'NETWORK' });
      expect(uploadStatus(db).pending).toBe(1);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  it('while the server is down the sync backs off; on reconnect it drains everything', async () => {
    const { db, client, terminalId } = await fx.terminal('down');
    db.prepare('UPDATE sync_identity SET server_url = ?').run('http://127.0.0.1:9');
    const outcomes: string[] = [];
    const sync = startUploadSync(db, client, { intervalMs: 3_600_000, backoff: { baseMs: 50, maxMs: 100 }, onRound: (r) => outcomes.push(r.kind) });
    try {
      for (let i = 1; i <= 5; i++) appendEvent(db, 'ticket.issued', { n: i });
      await until(() => outcomes.filter((o) => o === 'retry').length >= 3, 10_000);
      expect(sync.status()).toMatchObject({ pending: 5, lastError: 'NETWORK' });
      db.prepare('UPDATE sync_identity SET server_url = ?').run(fx.url);
      sync.kick({ force: true });
      await until(() => sync.status().pending === 0, 10_000);
      expect((await serverEvents(fx.db, terminalId)).map((r) => r.device_seq)).toEqual([1, 2, 3, 4, 5]);
      expect(sync.status().lastError).toBeNull();
    } finally {
      sync.stop();
    }
  });
});
