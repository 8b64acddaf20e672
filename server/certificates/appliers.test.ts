import { rmSync } from 'node:fs';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CERTIFICATE_EVENTS, type CertificateDoc, type HandoverEvent, type SyncChange } from '../../core/contract/index.js';
import { outbox, queueFixture, START, type QueueFixture, type TestTerminal } from '../queue/test-support.js';
import { latestSeq } from '../sync/changes.js';
import { backends } from '../test-db.js';
import { certificateEventApplier } from './appliers.js';
import { importCertificates, serverTemplates } from './import.js';
import { revokeCertificate } from './lifecycle.js';
import { certificateById } from './store.js';
import { certInput, templateDir } from './test-support.js';

const at = (minutes: number) => new Date(START + minutes * 60_000).toISOString();

function handover(certificateId: string, counter: string, minutes: number, over: Partial<HandoverEvent> = {}): HandoverEvent {
  return {
    id: ulid(),
    certificateId,
    identifier: 'ignored-by-the-server',
    channel: 'counter',
    recipientKind: 'proxy',
    recipientName: '赵六',
    idType: 'resident',
    idHash: 'a'.repeat(64),
    idLast4: '002X',
    letterChecked: true,
    counter,
    clerk: 'wang.fang',
    ticketId: null,
    arrivedAt: at(minutes - 7),
    at: at(minutes),
    ...over,
  };
}

describe.each(backends)('certificate facts from terminals on $name', (backend) => {
  let f: QueueFixture;
  let counter1: TestTerminal;
  let counter2: TestTerminal;
  let eastCounter: TestTerminal;
  let ids: string[];
  const templates = templateDir();
  beforeAll(async () => {
    f = await queueFixture(backend, { catalog: true });
    [counter1, counter2, eastCounter] = [await f.terminal('main', ['counter']), await f.terminal('main', ['counter']), await f.terminal('east', ['counter'])];
    const r = await importCertificates(f.db, [certInput('1'), certInput('2', { delivery: 'mail' }), certInput('3'), certInput('4')], { templates: serverTemplates(templates), keyIssuer: '某省商务厅', now: new Date(f.clock.now) });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    ids = r.certificates.map((c) => c.id);
  });
  afterAll(async () => {
    await f?.close();
    rmSync(templates, { recursive: true, force: true });
  });

  // One outbox per terminal, as a terminal has: its device_seq goes on from test to test.
  const boxes = new Map<TestTerminal, ReturnType<typeof outbox>>();
  const boxOf = (t: TestTerminal) => boxes.get(t) ?? boxes.set(t, outbox(t)).get(t)!;
  const doc = async (id: string) => (await certificateById(f.db, id))!.doc;
  const handovers = (id: string) => f.db.selectFrom('certificate_handovers').selectAll().where('certificate_id', '=', id).execute();
  const conflicts = (id: string) => f.db.selectFrom('certificate_handover_conflicts').selectAll().where('certificate_id', '=', id).execute();

  it('a hand-over is recorded with its 马上办 time, the certificate is handed over and the other counters learn it', async () => {
    const seq = await latestSeq(f.db);
    const box = boxOf(counter1);
    box.add(CERTIFICATE_EVENTS.handedOver, handover(ids[0]!, '2', 10));
    expect((await box.upload()).body).toMatchObject({ ackedThrough: 1, refused: [] });
    const [row] = await handovers(ids[0]!);
    expect(row).toMatchObject({ counter: '2', recipient_kind: 'proxy', id_last4: '002X', letter_checked: true, immediate_seconds: 420, terminal_id: counter1.id });
    expect(await doc(ids[0]!)).toMatchObject({ state: 'handed_over', handedOver: { at: at(10), counter: '2', channel: 'counter' } });
    const pulled = await counter2.call('GET', `/api/sync/changes?after=${seq}`);
    expect((pulled.body.changes as SyncChange[]).map((c) => [c.entity, (c.data as CertificateDoc).state])).toEqual([['certificate', 'handed_over']]);
    // Sent again (the answer was lost): stored once, nothing new.
    const after = await latestSeq(f.db);
    expect((await box.upload()).status).toBe(200);
    expect(await handovers(ids[0]!)).toHaveLength(1);
    expect(await latestSeq(f.db)).toBe(after);
  });

  it('a second hand-over of the same certificate (another counter, offline) is a conflict and changes nothing else', async () => {
    const [seq, before] = [await latestSeq(f.db), await doc(ids[0]!)];
    const box = boxOf(counter2);
    const second = handover(ids[0]!, '3', 12, { clerk: 'li.na' });
    box.add(CERTIFICATE_EVENTS.handedOver, second);
    expect((await box.upload()).body).toMatchObject({ ackedThrough: 1, refused: [] });
    expect((await handovers(ids[0]!)).map((h) => h.counter)).toEqual(['2']);
    expect(await conflicts(ids[0]!)).toMatchObject([{ id: second.id, counter: '3', terminal_id: counter2.id }]);
    expect(await doc(ids[0]!)).toEqual(before);
    expect(await latestSeq(f.db)).toBe(seq);
  });

  it('applying the same event twice (events reapply) records it once', async () => {
    const h = handover(ids[2]!, '1', 20, { arrivedAt: null });
    const event = { terminalId: counter1.id, deviceSeq: 99, eventId: ulid(), type: CERTIFICATE_EVENTS.handedOver, payload: h };
    const ctx = { terminal: { id: counter1.id, hall: 'main' }, now: new Date(f.clock.now), afterCommit: () => {} };
    const applier = certificateEventApplier();
    await f.db.transaction().execute(async (tx) => {
      await applier.apply(tx, event, ctx);
      await applier.apply(tx, event, ctx);
    });
    expect(await handovers(ids[2]!)).toMatchObject([{ id: h.id, immediate_seconds: null }]);
    expect(await conflicts(ids[2]!)).toEqual([]);
  });

  it('records reprints with their reason, once each', async () => {
    const box = boxOf(counter1);
    const id = ulid();
    box.add(CERTIFICATE_EVENTS.reprinted, { id, certificateId: ids[0]!, reason: '原件污损', counter: '2', clerk: 'wang.fang', at: at(30) });
    await box.upload();
    await box.upload();
    expect(await f.db.selectFrom('certificate_reprints').select(['id', 'reason', 'counter']).execute()).toEqual([{ id, reason: '原件污损', counter: '2' }]);
  });

  it('records the waybill (state mailed), then posted and delivered with the signer; a late "posted" does not go back', async () => {
    const box = boxOf(counter1);
    const address = { recipient: '钱七', phone: '13900001111', province: '北京市', city: '北京市', county: '海淀区', street: '中关村大街 1 号', postcode: '100080', waybill: 'EA123456789CN' };
    box.add(CERTIFICATE_EVENTS.mailed, { id: ulid(), certificateId: ids[1]!, address, counter: '2', clerk: 'wang.fang', at: at(40) });
    box.add(CERTIFICATE_EVENTS.mailState, { id: ulid(), certificateId: ids[1]!, waybill: 'EA123456789CN', mail: { state: 'posted', at: at(60), signer: null } });
    box.add(CERTIFICATE_EVENTS.mailState, { id: ulid(), certificateId: ids[1]!, waybill: 'EA123456789CN', mail: { state: 'delivered', at: at(60 * 26), signer: '钱七' } });
    box.add(CERTIFICATE_EVENTS.mailState, { id: ulid(), certificateId: ids[1]!, waybill: 'EA123456789CN', mail: { state: 'posted', at: at(61), signer: null } });
    expect((await box.upload()).body).toMatchObject({ ackedThrough: 6, refused: [] });
    // The hall's other terminals (a kiosk's progress lookup) learn where the letter is, the signer masked, no address.
    expect((await doc(ids[1]!)).state).toBe('mailed');
    expect((await doc(ids[1]!)).mail).toEqual({ waybill: 'EA123456789CN', state: 'delivered', recordedAt: at(40), postedAt: at(61), deliveredAt: at(60 * 26), signer: '钱*' });
    const mail = await f.db.selectFrom('certificate_mail').selectAll().where('certificate_id', '=', ids[1]!).executeTakeFirstOrThrow();
    expect(mail).toMatchObject({ waybill: 'EA123456789CN', state: 'delivered', signer: '钱七', counter: '2' });
    expect(new Date(mail.delivered_at!).toISOString()).toBe(at(60 * 26));
    expect(await f.db.selectFrom('failed_events').select('event_id').execute()).toEqual([]);
  });

  it("a terminal of another hall cannot hand over main's certificate: the event fails with its reason, nothing changes", async () => {
    const [seq, before] = [await latestSeq(f.db), await doc(ids[2]!)];
    const box = boxOf(eastCounter);
    box.add(CERTIFICATE_EVENTS.handedOver, handover(ids[2]!, '1', 50));
    expect((await box.upload()).body).toMatchObject({ ackedThrough: 1 });
    const failed = await f.db.selectFrom('failed_events').select(['terminal_id', 'reason']).execute();
    expect(failed).toEqual([{ terminal_id: eastCounter.id, reason: 'CERTIFICATE_NOT_FOUND' }]);
    expect(await doc(ids[2]!)).toEqual(before);
    expect(await latestSeq(f.db)).toBe(seq);
  });

  it('a hand-over made offline of a certificate revoked meanwhile is kept as a fact; the certificate stays revoked', async () => {
    const doc4 = await doc(ids[3]!);
    await revokeCertificate(f.db, doc4.identifier, '证照有误', new Date(f.clock.now), f.config.hallTimeZone);
    const box = boxOf(counter2);
    box.add(CERTIFICATE_EVENTS.handedOver, handover(ids[3]!, '3', 5));
    expect((await box.upload()).body).toMatchObject({ refused: [] });
    expect(await handovers(ids[3]!)).toHaveLength(1);
    expect(await doc(ids[3]!)).toMatchObject({ state: 'revoked', revoked: { reason: '证照有误' }, handedOver: { counter: '3' } });
  });
});
