import { expect } from 'vitest';
import { columnOf, type Decoded, type DecodedLine } from './escpos-decoder.js';
import { checkin, checklist, RARE_ENTERPRISE, ticket, tracking } from './slips.js';

export const lineWidth = (l: DecodedLine) => l.cols.reduce((a, b) => a + b, 0);

/** Nothing runs past the paper's edge: text in display columns, images in dots (12 a column). */
export function expectFits(d: Decoded, columns: number): void {
  for (const l of d.lines) expect(lineWidth(l), `"${l.text}" is wider than ${columns} columns`).toBeLessThanOrEqual(columns);
  for (const img of d.images) expect(img.width).toBeLessThanOrEqual(columns * 12);
}

/** The ticket fixture as the visitor reads it. */
export function expectTicket(d: Decoded): void {
  expect(d.text).toContain('排队号');
  const big = d.lines.find((l) => l.text === 'A012');
  expect(big).toMatchObject({ align: 'center', bold: true, width: 4, height: 4 });
  expect(d.text).toContain('办理业务：对外劳务合作经营资格核准');
  expect(d.text).toContain('办理窗口：1-5号窗口');
  expect(d.text).toContain('您前面还有 3 人');
  expect(d.text).toContain('取号时间：2026-11-26 09:30');
  expect(d.text.join('')).toContain('离线取号：服务器暂时无法连接，本号码有效，请留意叫号。');
  expect(d.qr).toEqual([ticket.qr]);
  // The rating code under the QR, large, and what it is for.
  expect(d.lines.find((l) => l.text === '评价码：K7M3P')).toMatchObject({ align: 'center', bold: true, width: 2, height: 2 });
  expect(d.text.join('')).toContain('办完后可在自助机“按号评价”：输入号码和评价码，或扫描上方二维码。请勿告诉他人。');
  expect(d.images).toHaveLength(0);
  expect(d.cuts).toBe(1);
  expect(d.items[d.items.length - 1]).toEqual({ type: 'cut' });
}

/** The check-in fixture: the enterprise name with rare characters is one drawn line, everything else text. */
export function expectCheckin(d: Decoded): void {
  expect(d.text).toContain('预约签到凭条');
  expect(d.text).toContain('企业名称：');
  expect(d.text).toContain('办理事项：企业境外投资备案');
  expect(d.text).toContain('预约码：YY20261126-0042');
  expect(d.text).toContain('您前面没有人，请留意叫号');
  expect(d.text.join('\n')).not.toContain('国际贸易');
  expect(d.images).toHaveLength(1);
  const img = d.images[0]!;
  // 13 characters, two columns each, 12 dots a column; one text line high.
  expect(img.width).toBe(Math.ceil(([...RARE_ENTERPRISE].length * 2 * 12) / 8) * 8);
  expect(img.height).toBe(24);
  // The image sits right after the label, where the name belongs.
  const labelAt = d.items.findIndex((it) => it.type === 'line' && it.line.text === '企业名称：');
  expect(d.items[labelAt + 1]).toMatchObject({ type: 'image' });
  // Ink in the cells of 䶮 (4th character) and 𠀾 (5th): they were drawn, not left blank.
  expect(inkIn(img, 3 * 24, 5 * 24)).toBeGreaterThan(20);
  expect(d.qr).toEqual([checkin.qr]);
  expect(d.cuts).toBe(1);
}

function inkIn(img: { width: number; height: number; data: Uint8Array }, fromX: number, toX: number): number {
  let n = 0;
  for (let y = 0; y < img.height; y++)
    for (let x = fromX; x < toX; x++) if (img.data[y * (img.width / 8) + (x >> 3)]! & (0x80 >> (x & 7))) n++;
  return n;
}

/** The checklist fixture: every material's numbers end in the same display column as the headings'. */
export function expectChecklist(d: Decoded, columns: number): void {
  expect(d.text).toContain('办事材料清单');
  expect(d.text).toContain('技术进出口合同登记（自由类）');
  const header = d.lines.find((l) => l.text.startsWith('材料名称'))!;
  expect(header).toBeDefined();
  const origEnd = columnOf(header, '原件') + 4;
  const copiesEnd = columnOf(header, '复印件') + 6;
  expect(copiesEnd).toBe(columns);
  checklist.materials.forEach((m, i) => {
    const row = d.lines.find((l) => l.text.startsWith(`${i + 1}. `))!;
    expect(row, `row ${i + 1}`).toBeDefined();
    const tail = row.text.trimEnd().match(/(\d+) +(\d+)$/)!;
    expect(tail.slice(1).map(Number)).toEqual([m.originals, m.copies]);
    const copiesAt = row.text.lastIndexOf(tail[2]!);
    const origAt = row.text.lastIndexOf(tail[1]!, copiesAt - 1);
    const colAt = (index: number) => row.cols.slice(0, [...row.text.slice(0, index)].length).reduce((a, b) => a + b, 0);
    expect(colAt(origAt) + tail[1]!.length, `originals of row ${i + 1}`).toBe(origEnd);
    expect(colAt(copiesAt) + tail[2]!.length, `copies of row ${i + 1}`).toBe(copiesEnd);
  });
  // A long name wraps under itself, never into the number columns.
  const long = d.text.findIndex((t) => t.startsWith('3. 签约双方'));
  const next = d.text.findIndex((t) => t.startsWith('4. '));
  expect(next - long).toBeGreaterThan(1);
  for (const t of d.text.slice(long + 1, next)) expect(t).toMatch(/^ {3}\S/);
  const name = d.text
    .slice(long, next)
    .map((t, k) => (k === 0 ? t.slice(3).replace(/\s+\d+\s+\d+$/, '') : t).trim())
    .join('');
  expect(name).toBe(checklist.materials[2]!.name);
  expect(d.text).toContain('办理时限：3个工作日');
  expect(d.text).toContain('咨询电话：0451-12345678');
  expect(d.qr).toEqual([checklist.qr]);
  expect(d.cuts).toBe(1);
}

export function expectTracking(d: Decoded): void {
  expect(d.text).toContain('意见建议受理回执');
  expect(d.lines.find((l) => l.text === 'TS-7F3K-9Q')).toMatchObject({ bold: true, width: 2 });
  expect(d.text).toContain('类别：投诉：办事拖延');
  expect(d.text).toContain('答复期限：2026-12-17');
  expect(d.qr).toEqual([tracking.qr]);
  expect(d.cuts).toBe(1);
}
