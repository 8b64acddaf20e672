import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IndexHtmlTransformHook, Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../core/common/security-headers.js';
import config from '../../renderer/vite.config.js';

describe("the pages' meta CSP", () => {
  it('is the header policy the services send, less frame-ancestors (which a meta tag cannot carry)', async () => {
    const plugin = (config.plugins as Plugin[]).find((p) => p.name === 'hall-csp-meta')!;
    const html = readFileSync(join(import.meta.dirname, '../../renderer/index.html'), 'utf8');
    // The source page carries no policy of its own: the build adds the one definition.
    expect(html).not.toContain('Content-Security-Policy');
    const tags = await (plugin.transformIndexHtml as IndexHtmlTransformHook).call({} as never, html, { path: '/index.html', filename: 'index.html' });
    const meta = (tags as { tag: string; attrs: Record<string, string> }[]).find((t) => t.attrs['http-equiv'] === 'Content-Security-Policy')!;
    const header = contentSecurityPolicy().split('; ');
    expect(meta.attrs.content!.split('; ')).toEqual(header.filter((d) => !d.startsWith('frame-ancestors')));
    expect(header).toContain("frame-ancestors 'none'");
  });
});
