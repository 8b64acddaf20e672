import { describe, expect, it } from 'vitest';
import { errorPageHtml, errorPageUrl } from './error-page.js';

describe('errorPageHtml', () => {
  it('tells the visitor in Chinese, English and Russian to ask staff', () => {
    const html = errorPageHtml('kiosk', 'crashed');
    expect(html).toContain('请联系工作人员');
    expect(html).toContain('Please ask a member of staff');
    expect(html).toContain('обратитесь к сотруднику');
  });

  it('runs no script and loads nothing, and escapes the reason text', () => {
    const html = errorPageHtml('kiosk', '<script>alert(1)</script>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/src=|href=/);
  });

  it('round-trips through a data: URL', () => {
    const url = errorPageUrl('rating', 'oom');
    expect(url.startsWith('data:text/html;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toBe(errorPageHtml('rating', 'oom'));
  });
});
