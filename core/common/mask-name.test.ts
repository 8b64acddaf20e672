import { describe, expect, it } from 'vitest';
import { maskEnterprise, maskPersonName } from './mask-name.js';

describe('maskEnterprise', () => {
  it('keeps the first two characters and the legal form, hiding the middle and its length', () => {
    expect(maskEnterprise('华夏进出口有限公司')).toBe('华夏**有限公司');
    expect(maskEnterprise('哈尔滨北方劳务合作有限公司')).toBe('哈尔**有限公司');
    expect(maskEnterprise('龙江对外贸易股份有限公司')).toBe('龙江**股份有限公司');
  });

  it('never shows a whole short name', () => {
    expect(maskEnterprise('甲公司')).toBe('甲**公司');
    expect(maskEnterprise('乙方')).toBe('乙**');
    expect(maskEnterprise('Acme Trading Ltd')).toBe('Ac**');
  });
});

describe('maskPersonName', () => {
  it('keeps the first and the last character of a name, never a two-character name whole', () => {
    expect(maskPersonName('张小三')).toBe('张*三');
    expect(maskPersonName('张三')).toBe('张*');
    expect(maskPersonName('欧阳修远')).toBe('欧**远');
  });
});
