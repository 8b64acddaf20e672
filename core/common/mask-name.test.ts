import { describe, expect, it } from 'vitest';
import { maskEnterprise } from './mask-name.js';

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

describe('maskPersonName and maskPhone', () => {
  it('hides the middle of a name and all but the last four digits of a phone', async () => {
    const { maskPersonName, maskPhone } = await import('./mask-name.js');
    expect(maskPersonName('张三丰')).toBe('张*丰');
    expect(maskPersonName('欧阳娜娜')).toBe('欧**娜');
    expect(maskPersonName('李四')).toBe('李*');
    expect(maskPersonName('王')).toBe('*');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});
