import { rmSync } from 'node:fs';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CERTIFICATE_EVENTS } from '../../core/contract/index.js';
import { outbox, queueFixture, START, type QueueFixture } from '../queue/test-support.js';
import { purgeServer } from '../retention/purge.js';
import { backends } from '../test-db.js';
import { importCertificates, serverTemplates } from './import.js';
import { certInput, templateDir } from './test-support.js';

const DAY = 86_400_000;

describe.each(backends)("certificates' personal data past CERTIFICATE_RETENTION_DAYS on $name", (backend) => {
  let f: QueueFixture;
  const templates = templateDir();
  let ids: string[];
  beforeAll(async () => {
    f = await queueFixture(backend, { catalog: true });
    const r = await importCertificates(f.db, [certInput('1'), certInput('2', { delivery: 'mail' })], { templates: serverTemplates(templates), keyIssuer: '某省商务厅', now: new Date(f.clock.now) });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    ids = r.certificates.map((c) => c.id);
    const box = outbox(await f.terminal('main', ['counter']));
    const at = new Date(START).toISOString();
    box.add(CERTIFICATE_EVENTS.handedOver, {
      id: ulid(), certificateId: ids[0], identifier: 'x', channel: 'counter', recipientKind: 'self', recipientName: '赵六', idType: 'resident',
      idHash: 'b'.repeat(64), idLast4: '002X', letterChecked: false, counter: '6', clerk: 'wang.fang', ticketId: null, arrivedAt: null, at,
    });
    const address = { recipient: '钱七', phone: '13900001111', province: '北京市', city: '北京市', county: '海淀区', street: '中关村大街 1 号', postcode: '100080', waybill: 'EA123456789CN' };
    box.add(CERTIFICATE_EVENTS.mailed, { id: ulid(), certificateId: ids[1], address, counter: '6', clerk: 'wang.fang', at });
    box.add(CERTIFICATE_EVENTS.mailState, { id: ulid(), certificateId: ids[1], waybill: 'EA123456789CN', mail: { state: 'delivered', at, signer: '钱七' } });
    expect((await box.upload()).body).toMatchObject({ ackedThrough: 3, refused: [] });
  });
  afterAll(async () => {
    await f?.close();
    rmSync(templates, { recursive: true, force: true });
  });

  const personal = async () => ({
    handover: await f.db.selectFrom('certificate_handovers').select(['recipient_name', 'id_last4', 'counter', 'id_hash']).executeTakeFirstOrThrow(),
    mail: await f.db.selectFrom('certificate_mail').select(['address', 'signer', 'waybill']).executeTakeFirstOrThrow(),
    phones: (await f.db.selectFrom('certificates').select('phone').orderBy('id').execute()).map((c) => c.phone),
    events: JSON.stringify((await f.db.selectFrom('events').select('payload').execute()).map((e) => e.payload)),
  });

  it('keeps everything within the period, then keeps what the records need and nothing that names a person', async () => {
    f.clock.now = START + 179 * DAY;
    const before = await personal();
    expect((await purgeServer(f.db, f.config)).certificates).toBe(0);
    expect(await personal()).toEqual(before);
    expect(before.events).toContain('赵六');

    f.clock.now = START + 182 * DAY;
    expect((await purgeServer(f.db, f.config)).certificates).toBeGreaterThan(0);
    const after = await personal();
    expect(after.handover).toEqual({ recipient_name: '', id_last4: '', counter: '6', id_hash: 'b'.repeat(64) });
    expect(after.mail).toMatchObject({ signer: '', waybill: 'EA123456789CN', address: { recipient: '', phone: '', street: '', county: '海淀区', postcode: '100080' } });
    expect(after.phones).toEqual(['138****5678', '138****5678']);
    for (const text of ['赵六', '002X', '钱七', '13900001111', '中关村大街']) expect(after.events).not.toContain(text);
    expect((await purgeServer(f.db, f.config)).certificates).toBe(0);
  });
});
