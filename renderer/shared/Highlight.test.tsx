import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Highlight } from './Highlight.js';

describe('Highlight', () => {
  it('wraps exactly the matched runs in <mark>, in order, keeping the text intact', () => {
    const html = renderToStaticMarkup(
      <Highlight
        segments={[
          { text: '拍卖', hit: true },
          { text: '企业从事', hit: false },
          { text: '拍卖', hit: true },
          { text: '业务许可', hit: false },
        ]}
      />,
    );
    expect(html).toBe('<mark>拍卖</mark><span>企业从事</span><mark>拍卖</mark><span>业务许可</span>');
  });

  it('escapes text from the catalog instead of rendering it as markup', () => {
    const html = renderToStaticMarkup(<Highlight segments={[{ text: '<b>x</b>', hit: true }]} />);
    expect(html).toBe('<mark>&lt;b&gt;x&lt;/b&gt;</mark>');
  });

  it('renders nothing highlighted when nothing matched', () => {
    expect(renderToStaticMarkup(<Highlight segments={[{ text: '成品油', hit: false }]} />)).not.toContain('<mark>');
  });
});
