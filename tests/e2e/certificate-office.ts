import { ulid } from 'ulid';
import { createStaff } from '../../server/staff/repository.js';
import { queueFixture, CLERK_PASSWORD, type QueueFixture } from '../../server/queue/test-support.js';
import { seedCertificate, seedHandover, seedKey } from '../../server/supervision/certificate-test-support.js';
import { backends } from '../../server/test-db.js';
import type { CertificateDoc } from '../../core/contract/index.js';

/**
 * A central server listening on loopback with the built screens, the seed catalog and a month of
 * certificates written into its tables, its clock pinned at 10:00 on 12 November 2026 in the hall.
 */
export const NOW = Date.parse('2026-11-12T10:00:00+08:00');
const hall = (local: string) => new Date(`${local}+08:00`);

export interface CertificateOffice {
  f: QueueFixture;
  url: string;
  genuine: CertificateDoc;
  revoked: CertificateDoc;
  old: CertificateDoc;
  newer: CertificateDoc;
  waiting: CertificateDoc;
  close(): Promise<void>;
}

export async function startCertificateOffice(): Promise<CertificateOffice> {
  const f = await queueFixture(backends[0]!, { catalog: true });
  f.clock.now = NOW;
  for (const [login, name, number, role] of [
    ['li.jing', '李静', 'B01', 'office'],
    ['qian.wei', '钱伟', 'J01', 'inspector'],
    ['sun.hao', '孙浩', 'D01', 'department'],
  ] as const)
    await createStaff(f.db, { login, name, number, role }, CLERK_PASSWORD, NOW);
  const key = await seedKey(f.db, 'hlj-2026');
  let serial = 2430599;
  const cert = (o: Omit<Parameters<typeof seedCertificate>[1], 'key' | 'serial'>) => seedCertificate(f.db, { key, serial: String(serial++), ...o });
  const genuine = await cert({ readyAt: hall('2026-11-10T09:00:00') });
  const revoked = await cert({ readyAt: hall('2026-10-10T09:00:00'), state: 'revoked', revoked: { on: '2026-11-05', reason: '企业申请注销' } });
  const old = await seedCertificate(f.db, { key, serial: '3000001', readyAt: hall('2026-09-01T09:00:00'), state: 'superseded', template: 'auction-licence', procedureId: 'AF-01', name: '拍卖经营批准证书' });
  const newer = await seedCertificate(f.db, { key, serial: '3000001', version: 2, readyAt: hall('2026-11-11T09:00:00'), template: 'auction-licence', procedureId: 'AF-01', name: '拍卖经营批准证书' });
  // Ready at 23:59 on 1 November: on the 12th it has waited 11 hall days (more than 10).
  const waiting = await cert({ readyAt: hall('2026-11-01T23:59:00'), template: 'overseas-investment', procedureId: 'OI-01', name: '企业境外投资证书', holder: { name: '龙江对外贸易股份有限公司', code: '91230100MA1BXKPC5G', codeType: '001' } });
  await cert({ readyAt: hall('2026-11-02T00:00:00') }); // 10 days: in time

  // 马上办 at counter 6 (王芳): 4, 8, 12 and 30 minutes; at counter 5 (李娜): 6 minutes, on a technology contract.
  for (const [minutes, counter, clerk, day] of [
    [4, '6', 'wang.fang', '03'],
    [8, '6', 'wang.fang', '04'],
    [12, '6', 'wang.fang', '05'],
    [30, '6', 'wang.fang', '06'],
    [6, '5', 'li.na', '06'],
  ] as const) {
    const c = await cert({ readyAt: hall('2026-11-01T09:00:00'), ...(counter === '5' ? { template: 'technology-contract', procedureId: 'TT-01', name: '技术进出口合同登记证书' } : {}) });
    await seedHandover(f.db, { certificateId: c.id, at: hall(`2026-11-${day}T10:00:00`), counter, clerk, immediateSeconds: minutes * 60 });
  }
  const twice = (await f.db.selectFrom('certificate_handovers').select('certificate_id').orderBy('at').executeTakeFirstOrThrow()).certificate_id;
  await f.db.insertInto('certificate_handover_conflicts').values({ id: ulid(), certificate_id: twice, terminal_id: 'T-kiosk-2', counter: '5', at: hall('2026-11-07T11:20:00') }).execute();
  await f.db
    .insertInto('certificate_reprints')
    .values({ id: ulid(), certificate_id: genuine.id, reason: '打印机卡纸，证书污损', counter: '6', clerk: 'wang.fang', terminal_id: 'T-counter-6', at: hall('2026-11-10T15:30:00') })
    .execute();
  const mailed = await cert({ readyAt: hall('2026-11-01T09:00:00'), state: 'mailed' });
  await f.db
    .insertInto('certificate_mail')
    .values({ certificate_id: mailed.id, waybill: '1100123456789', address: JSON.stringify({}), state: 'delivered', posted_at: hall('2026-11-05T10:00:00'), delivered_at: hall('2026-11-07T16:00:00'), signer: '李*', counter: '6', clerk: 'wang.fang', at: hall('2026-11-05T10:00:00') })
    .execute();
  await f.app.listen({ host: '127.0.0.1', port: 0 });
  const address = f.app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening');
  return { f, url: `http://127.0.0.1:${address.port}`, genuine, revoked, old, newer, waiting, close: () => f.close() };
}
