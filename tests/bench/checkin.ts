import { openPrinter } from '../../native/printer/open.js';
import { renderSlip } from '../../native/printer/layouts/index.js';
import { createAppointment } from '../../server/appointments/repository.js';
import { LoopbackPrinter } from '../devices/loopback-printer.js';
import { startHallOffice } from '../e2e/hall-office.js';
import { backends, type Backend } from '../../server/test-db.js';
import { ms, summarize, table, type Benchmark } from './harness.js';

const N = Number(process.env.BENCH_CHECKINS ?? 1_000);

/** Waits for the printer's next connection (one per slip) to close: its last byte has arrived. */
async function lastByte(printer: LoopbackPrinter, index: number): Promise<void> {
  while (printer.connections.length <= index) await new Promise((r) => setImmediate(r));
  await printer.connections[index]!.closed;
}

export const checkinBenchmark: Benchmark = {
  name: 'checkin',
  description: `${N} appointment check-ins over the kiosk's HTTP API, each until the last byte of its slip reached a loopback TCP printer; baseline: the same slip sent straight to the printer`,
  async run() {
    for (const backend of backends) await runOn(backend);
  },
};

async function runOn(backend: Backend): Promise<void> {
    const printer = await LoopbackPrinter.start();
    const office = await startHallOffice({ kioskEnv: { PRINTER: printer.uri }, backend });
    try {
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
      const codes: { code: string; last4: string }[] = [];
      for (let i = 0; i < N; i++) {
        const a = await createAppointment(
          office.server.db,
          'main',
          { enterprise: `黑龙江示例贸易有限公司${i}`, contactPhone: `138${String(i).padStart(8, '0')}`, matter: '技术进出口合同登记', procedureCode: null, service: 'A', date: today, from: '09:00', to: '09:30', createdBy: 'wang.fang' },
          Date.now(),
          'Asia/Shanghai',
        );
        codes.push({ code: a.code, last4: a.phoneLast4 });
      }
      const db = office.kiosk.db;
      while ((db.prepare('SELECT count(*) AS n FROM appointment').get() as { n: number }).n < N) await new Promise((r) => setTimeout(r, 100));

      const samples: number[] = [];
      for (const [i, { code, last4 }] of codes.entries()) {
        const start = process.hrtime.bigint();
        const res = await fetch(`${office.kiosk.url}/api/checkin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ by: 'code', code, last4 }) });
        const body = (await res.json()) as { print: string };
        if (body.print !== 'queued') throw new Error(`check-in ${i} did not print: ${JSON.stringify(body)}`);
        await lastByte(printer, i);
        samples.push(Number(process.hrtime.bigint() - start) / 1e6);
      }

      const direct = openPrinter(printer.uri);
      const slip = renderSlip({ kind: 'checkin', lang: 'zh-CN', number: 'A001', enterprise: '黑龙江示例贸易有限公司', matter: '技术进出口合同登记', appointmentCode: '123456', slot: `${today} 09:00–09:30`, counterArea: '1–2号窗口', ahead: 3, issuedAt: new Date().toISOString(), qr: 'HALL-TICKET:A001:01M8AT61ZJG7P9271CH4P1K6S6' }, { timeZone: 'Asia/Shanghai' });
      const base: number[] = [];
      for (let i = 0; i < N; i++) {
        const start = process.hrtime.bigint();
        await direct.print(slip);
        await lastByte(printer, N + i);
        base.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      await direct.close();
      const [api, raw] = [summarize(samples), summarize(base)];
      console.log(`\n${backend.name}:`);
      console.log(
        table(
          ['path', 'n', 'p50 ms', 'p95 ms'],
          [
            ['check-in API → server → slip printed', api.n, ms(api.p50), ms(api.p95)],
            ['baseline: slip sent straight to printer', raw.n, ms(raw.p50), ms(raw.p95)],
          ],
        ),
      );
      console.log(`\np95 check-in / p95 printer alone: ${(api.p95 / raw.p95).toFixed(1)}×; target p95 ≤ 100 ms: ${api.p95 <= 100 ? 'met' : 'NOT met'}`);
    } finally {
      await office.close();
      await printer.stop();
    }
}
