import { describe, expect, it } from 'vitest';
import { langOfRawRequest } from './http-refusals.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('the language of a request the HTTP parser gave up on', () => {
  it('is read from its lang parameter and Accept-Language when the packet holds them', () => {
    const raw = bytes(`GET /api/procedures?lang=en&q=${'x'.repeat(50)} HTTP/1.1\r\nhost: 127.0.0.1\r\nAccept-Language: ru;q=0.9\r\n\r\n`);
    expect(langOfRawRequest(raw)).toEqual({ query: { lang: 'en' }, headers: { 'accept-language': 'ru;q=0.9' } });
  });

  it('is unknown from a packet in the middle of the URL, or without one', () => {
    expect(langOfRawRequest(bytes('xxxxxxxx&lang=en'))).toEqual({ query: {}, headers: {} });
    expect(langOfRawRequest(undefined)).toEqual({ query: {}, headers: {} });
  });
});
