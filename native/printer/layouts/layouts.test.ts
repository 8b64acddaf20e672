import { describe, expect, it } from 'vitest';
import { decodeEscPos } from '../decode.js';
import { expectCheckin, expectChecklist, expectFits, expectTicket, expectTracking } from '../../../tests/devices/slip-assertions.js';
import { checkin, checklist, ticket, tracking, onPaper } from '../../../tests/devices/slips.js';
import { renderSlip } from './index.js';

const decode = (slip: Parameters<typeof renderSlip>[0], columns?: number) => decodeEscPos(renderSlip(slip, { ...onPaper, columns }));

describe('renderSlip', () => {
  it('ticket: big number, service, counter, people ahead, time, QR, offline note, cut', () => {
    expectTicket(decode(ticket));
  });

  it('a ticket issued online carries no offline note', () => {
    const d = decode({ ...ticket, offline: false });
    expect(d.text.join('')).not.toContain('离线');
  });

  it('check-in: an enterprise name with characters outside the two-byte area is drawn, the rest stays text', () => {
    expectCheckin(decode(checkin));
  });

  it('a check-in without rare characters has no image at all', () => {
    const d = decode({ ...checkin, enterprise: '哈尔滨国际贸易有限公司' });
    expect(d.images).toHaveLength(0);
    expect(d.text).toContain('哈尔滨国际贸易有限公司');
  });

  it('checklist: originals and copies line up in display columns on 80 mm and 58 mm paper', () => {
    expectChecklist(decode(checklist), 48);
    expectChecklist(decode(checklist, 32), 32);
  });

  it('tracking slip: code, category, deadline, QR', () => {
    expectTracking(decode(tracking));
  });

  it('defaults to 48 columns (80 mm) and nothing is wider than the paper at 48 or 32', () => {
    expect(decode(ticket).text).toContain('-'.repeat(48));
    for (const columns of [48, 32])
      for (const slip of [ticket, checkin, checklist, tracking]) {
        for (const lang of ['zh-CN', 'en', 'ru'] as const) expectFits(decode({ ...slip, lang }, columns), columns);
      }
  });

  it('prints a three-group tracking code whole on one line, on 80 mm and on 58 mm paper', () => {
    for (const columns of [48, 32]) expect(decode({ ...tracking, trackingCode: 'K7PM3-XQ9AB-CDEFG' }, columns).text.filter((l) => l.includes('K7PM3-XQ9AB-CDEFG'))).toHaveLength(1);
  });

  it('prints its labels in the slip language', () => {
    expect(decode({ ...ticket, lang: 'en' }).text).toContain('Queue number');
    expect(decode({ ...ticket, lang: 'en' }).text).toContain('People ahead of you: 3');
    const ru = decode({ ...ticket, lang: 'ru' });
    expect(ru.text).toContain('Номер в очереди');
    // Russian goes out in the PC866 code page, one column a letter, not as double-byte Chinese.
    expect(ru.lines.find((l) => l.text === 'Номер в очереди')!.cols.every((c) => c === 1)).toBe(true);
    expect(decode({ ...tracking, lang: 'ru' }).text).toContain('Категория: 投诉：办事拖延');
  });

  it('prints every slip’s time as the hall’s clock reads it, across its midnight, whatever zone the time was written in', () => {
    // 15:59 and 16:01 UTC are 23:59 on 1 December and 00:01 on 2 December in Harbin.
    const late = '2026-12-01T15:59:00.000Z';
    const early = '2026-12-01T16:01:00.000Z';
    expect(decode({ ...ticket, issuedAt: late }).text).toContain('取号时间：2026-12-01 23:59');
    expect(decode({ ...ticket, issuedAt: early }).text).toContain('取号时间：2026-12-02 00:01');
    expect(decode({ ...checkin, issuedAt: early }).text).toContain('取号时间：2026-12-02 00:01');
    expect(decode({ ...checklist, printedAt: late }).text).toContain('打印时间：2026-12-01 23:59');
    expect(decode({ ...tracking, filedAt: '2026-12-02T00:01:00+08:00' }).text).toContain('提交时间：2026-12-02 00:01');
    const elsewhere = decodeEscPos(renderSlip({ ...ticket, issuedAt: early }, { timeZone: 'America/Los_Angeles' }));
    expect(elsewhere.text).toContain('取号时间：2026-12-01 08:01');
  });

  it('rejects a slip that breaks the contract', () => {
    expect(() => renderSlip({ ...ticket, number: '' } as never, onPaper)).toThrow();
  });
});
