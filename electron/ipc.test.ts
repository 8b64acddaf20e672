import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHANNELS, MAX_PRINT_HTML, isTrustedSender, parsePrintA4, printDataUrl, printDocument } from './ipc.js';

describe('isTrustedSender', () => {
  it('accepts only the top frame of our own screens', () => {
    expect(isTrustedSender({ url: 'http://127.0.0.1:4780/counter', isMainFrame: true }, 4780)).toBe(true);
    expect(isTrustedSender({ url: 'http://127.0.0.1:4780/counter', isMainFrame: false }, 4780)).toBe(false);
    expect(isTrustedSender({ url: 'http://evil.example/', isMainFrame: true }, 4780)).toBe(false);
    expect(isTrustedSender({ url: 'http://127.0.0.1:4780@evil.example/', isMainFrame: true }, 4780)).toBe(false);
    expect(isTrustedSender({ url: 'data:text/html,hi', isMainFrame: true }, 4780)).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/x.html', isMainFrame: true }, 4780)).toBe(false);
    expect(isTrustedSender({ url: undefined, isMainFrame: true }, 4780)).toBe(false);
  });
});

describe('parsePrintA4', () => {
  it('takes an HTML string and refuses anything else', () => {
    expect(parsePrintA4('<h1>清单</h1>')).toEqual({ ok: true, html: '<h1>清单</h1>' });
    expect(parsePrintA4('').ok).toBe(false);
    expect(parsePrintA4('   ').ok).toBe(false);
    expect(parsePrintA4({ html: 'x' }).ok).toBe(false);
    expect(parsePrintA4(undefined).ok).toBe(false);
    expect(parsePrintA4('x'.repeat(MAX_PRINT_HTML + 1)).ok).toBe(false);
    // Measured in bytes: Chinese text takes three bytes a character.
    expect(parsePrintA4('证'.repeat(MAX_PRINT_HTML / 3 + 1)).ok).toBe(false);
  });

  it('the largest accepted document still fits in a data: URL Chromium will load', () => {
    const largest = '证'.repeat(Math.floor(MAX_PRINT_HTML / 3));
    expect(parsePrintA4(largest).ok).toBe(true);
    const url = printDataUrl(largest);
    expect(url.length).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64').toString('utf8')).toBe(printDocument(largest));
  });
});

describe('printDocument', () => {
  it('wraps the page in a CSP that forbids scripts and network loads, on A4', () => {
    const doc = printDocument('<p>hello</p>');
    expect(doc).toContain("default-src 'none'");
    expect(doc).not.toContain('script-src');
    expect(doc).toContain('size: A4');
    expect(doc).toContain('<p>hello</p>');
  });
});

describe('preload', () => {
  it('uses exactly the channels the main process serves', () => {
    const preload = readFileSync(new URL('./preload.cts', import.meta.url), 'utf8');
    for (const channel of Object.values(CHANNELS)) expect(preload).toContain(`'${channel}'`);
    const used = [...preload.matchAll(/'(hall:[a-z0-9-]+)'/g)].map((m) => m[1]);
    expect(new Set(used)).toEqual(new Set(Object.values(CHANNELS)));
  });

  it('exposes only invoke wrappers, never ipcRenderer itself', () => {
    const preload = readFileSync(new URL('./preload.cts', import.meta.url), 'utf8');
    expect(preload).toMatch(/exposeInMainWorld\('hall'/);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*[,)]/);
    expect(preload).not.toMatch(/\bsend\(|\bon\(|sendSync/);
  });
});
