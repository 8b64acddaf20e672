import { describe, expect, it } from 'vitest';
import { CERTIFICATE_EVENTS, type HandoverEvent } from '../../core/contract/index.js';
import { handOver } from '../../core/certificates/handover.js';
import { CERTIFICATE_APPLY, getCertificate } from '../../core/certificates/store.js';
import { TEST_TEMPLATES, testCertificate, testKey } from '../../core/certificates/test-certificates.js';
import { Uploader } from '../../core/sync/upload.js';
import { backends } from '../../server/test-db.js';
import { serverEvents, syncServer } from '../sync/upload-helpers.js';

// Issue 13 "Offline": with the central server unreachable a pickup is handed over and printed; after
// reconnect the server holds the hand-over once, even when an acknowledgement was lost and it is sent again.

describe.each(backends)('an offline hand-over reaches the server once on $name', (backend) => {
  const fx = syncServer(backend, 'hall-cert-offline-');

  it('is recorded and printed offline, uploaded after reconnect, and not doubled by a resend', async () => {
    const { db, client, terminalId } = await fx.terminal('counter6');
    const serverUrl = (db.prepare('SELECT server_url FROM sync_identity').get() as { server_url: string }).server_url;
    const doc = testCertificate(testKey());
    CERTIFICATE_APPLY.certificate!(db, { seq: 1, entity: 'certificate', key: doc.id, op: 'upsert', data: doc });

    db.prepare('UPDATE sync_identity SET server_url = ?').run('http://127.0.0.1:9');
    const done = handOver(db, {
      certificateId: doc.id,
      hall: 'main',
      channel: 'counter',
      recipient: { kind: 'proxy', name: '王五', idType: 'resident', idNumber: '230103198001011232', letterChecked: true },
      counter: '6',
      clerk: { name: '赵磊', number: '0601' },
      ticketId: null,
      arrivedAt: null,
      lang: 'zh-CN',
      template: TEST_TEMPLATES.find((t) => t.medium === 'slip')!,
      timeZone: 'Asia/Shanghai',
      now: new Date('2026-12-02T02:00:00Z'),
    });
    expect(done.jobs.map((j) => j.kind)).toEqual(['certificate', 'handover-receipt']);
    const uploader = new Uploader(db, client);
    expect(await uploader.round()).toMatchObject({ kind: 'retry', code: 'NETWORK' });

    db.prepare('UPDATE sync_identity SET server_url = ?').run(serverUrl);
    expect(await uploader.round()).toMatchObject({ kind: 'sent', more: false });
    // The acknowledgement "lost": everything is sent again.
    db.prepare('UPDATE outbox SET sent_at = NULL').run();
    expect(await uploader.round()).toMatchObject({ kind: 'sent' });

    const handovers = (await serverEvents(fx.db, terminalId)).filter((e) => (e.payload as { certificateId?: string }).certificateId === doc.id);
    expect(handovers).toHaveLength(1);
    expect(handovers[0]!.payload as HandoverEvent).toMatchObject({ certificateId: doc.id, recipientKind: 'proxy', letterChecked: true, idLast4: '1232', counter: '6' });
    expect(JSON.stringify(handovers[0]!.payload)).not.toContain('230103198001011232');
    const types = await fx.db.selectFrom('events').select('type').where('terminal_id', '=', terminalId).execute();
    expect(types.filter((t) => t.type === CERTIFICATE_EVENTS.handedOver)).toHaveLength(1);
    expect(getCertificate(db, doc.id)!.state).toBe('handed_over');
  });
});
