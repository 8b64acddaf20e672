import { describe, expect, it } from 'vitest';
import { hasPersonalNumber, maskPersonalText } from './personal-text.js';

describe('maskPersonalText', () => {
  it('masks ID numbers and phones inside Chinese text, keeping the first three and last four', () => {
    expect(maskPersonalText('我的身份证号230102199001011234，电话13987654321，请回电。')).toBe('我的身份证号230***********1234，电话139****4321，请回电。');
    expect(maskPersonalText('旧证23010219900101X 与 230102900101123')).toBe('旧证23010219900101X 与 230********1123');
    expect(maskPersonalText('身份证23010219900101123x')).toBe('身份证230***********123x');
    expect(maskPersonalText('手机 139 8765 4321 或 139-8765-4321')).toBe('手机 139****4321 或 139****4321');
    expect(maskPersonalText('座机0451-86612345')).toBe('座机045*****2345');
  });

  it('leaves ticket numbers, dates, amounts and staff numbers alone', () => {
    const plain = 'A012号，2026-03-02，窗口3，工号0101，注册资本600万元，等了45分钟';
    expect(maskPersonalText(plain)).toBe(plain);
    expect(hasPersonalNumber(plain)).toBe(false);
    expect(maskPersonalText(null)).toBeNull();
  });

  it('leaves nothing to find afterwards', () => {
    const masked = maskPersonalText('230102199001011234 13987654321');
    expect(hasPersonalNumber(masked)).toBe(false);
    expect(masked).not.toContain('13987654321');
    expect(masked).not.toContain('230102199001011234');
  });
});
