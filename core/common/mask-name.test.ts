import { describe, expect, it } from 'vitest';
import { maskEnterprise, maskIdNumber, maskPersonName } from './mask-name.js';

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

describe('maskPersonName and maskIdNumber', () => {
  it('keeps the first and last character of a name, and only the last four of an ID', () => {
    expect(maskPersonName('张三丰')).toBe('张*丰');
    expect(maskPersonName('欧阳明月')).toBe('欧**月');
    expect(maskPersonName('张三')).toBe('张*');
    expect(maskPersonName('王')).toBe('*');
    expect(maskIdNumber('23010219900101123X')).toBe('**************123X');
    expect(maskIdNumber('E12345678')).toBe('*****5678');
  });

  it('leaves an already masked value as it is', () => {
    expect(maskPersonName(maskPersonName('张三丰'))).toBe('张*丰');
    expect(maskIdNumber(maskIdNumber('23010219900101123X'))).toBe('**************123X');
  });
});
