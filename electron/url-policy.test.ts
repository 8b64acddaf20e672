import { describe, expect, it } from 'vitest';
import { appOrigins, isAllowedRequest, isAppOrigin, isAppUrl, isPermissionAllowed, screenUrl } from './url-policy.js';

const PORT = 4780;

describe('isAppUrl: what a window may navigate to', () => {
  it.each([
    'http://127.0.0.1:4780/kiosk',
    'http://127.0.0.1:4780/',
    'http://localhost:4780/counter?lang=ru#top',
    'http://127.0.0.1:4780/kiosk/procedures/abc',
  ])('allows our own screen %s', (url) => {
    expect(isAppUrl(url, PORT)).toBe(true);
  });

  it.each([
    ['another host', 'http://evil.example/kiosk'],
    ['another port', 'http://127.0.0.1:4781/kiosk'],
    ['the default port', 'http://127.0.0.1/kiosk'],
    ['https on our port', 'https://127.0.0.1:4780/kiosk'],
    ['userinfo pointing elsewhere', 'http://127.0.0.1:4780@evil.example/kiosk'],
    ['userinfo on our host', 'http://user:pass@127.0.0.1:4780/kiosk'],
    ['our host as a subdomain', 'http://127.0.0.1.evil.example:4780/'],
    ['localhost as a subdomain', 'http://localhost.evil.example:4780/'],
    ['a port that is really a host', 'http://127.0.0.1:4780.evil.example/'],
    ['protocol-relative', '//evil.example/kiosk'],
    ['protocol-relative to our port', '//127.0.0.1:4780/kiosk'],
    ['backslash trick', 'http:\\\\evil.example\\kiosk'],
    ['backslash after our host', 'http://127.0.0.1:4780\\@evil.example/'],
    ['tab inside the scheme', 'jav\tascript:alert(1)'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['file:', 'file:///etc/passwd'],
    ['blob:', 'blob:http://127.0.0.1:4780/0f1e'],
    ['about:blank', 'about:blank'],
    ['IPv6 loopback (not where we listen)', 'http://[::1]:4780/kiosk'],
    ['a LAN address', 'http://192.168.1.10:4780/kiosk'],
    ['an empty string', ''],
    ['garbage', 'not a url'],
  ])('refuses %s', (_why, url) => {
    expect(isAppUrl(url, PORT)).toBe(false);
  });

  it('treats port 80 as the default port only when the service really is on 80', () => {
    expect(isAppUrl('http://127.0.0.1/kiosk', 80)).toBe(true);
    expect(isAppUrl('http://127.0.0.1:80/kiosk', 80)).toBe(true);
    expect(isAppUrl('http://127.0.0.1:4780/kiosk', 80)).toBe(false);
  });
});

describe('isAppOrigin', () => {
  it('accepts exactly our two origins', () => {
    expect(appOrigins(PORT)).toEqual(['http://127.0.0.1:4780', 'http://localhost:4780']);
    expect(isAppOrigin('http://127.0.0.1:4780', PORT)).toBe(true);
    expect(isAppOrigin('http://localhost:4780', PORT)).toBe(true);
    expect(isAppOrigin('http://127.0.0.1:4780/', PORT)).toBe(false);
    expect(isAppOrigin('http://127.0.0.1:47800', PORT)).toBe(false);
    expect(isAppOrigin('null', PORT)).toBe(false);
    expect(isAppOrigin('file://', PORT)).toBe(false);
  });
});

describe('isAllowedRequest: no remote content', () => {
  it('allows our pages, assets, API and live channel', () => {
    expect(isAllowedRequest('http://127.0.0.1:4780/assets/index.js', PORT)).toBe(true);
    expect(isAllowedRequest('http://127.0.0.1:4780/api/procedures?q=x', PORT)).toBe(true);
    expect(isAllowedRequest('ws://127.0.0.1:4780/api/live', PORT)).toBe(true);
    expect(isAllowedRequest('ws://localhost:4780/api/live', PORT)).toBe(true);
  });

  it('blocks every other host, port and scheme', () => {
    expect(isAllowedRequest('https://fonts.example.com/font.woff2', PORT)).toBe(false);
    expect(isAllowedRequest('http://cdn.example.com/lib.js', PORT)).toBe(false);
    expect(isAllowedRequest('ws://evil.example/api/live', PORT)).toBe(false);
    expect(isAllowedRequest('wss://127.0.0.1:4780/api/live', PORT)).toBe(false);
    expect(isAllowedRequest('http://127.0.0.1:5432/', PORT)).toBe(false);
    expect(isAllowedRequest('http://127.0.0.1:4780@evil.example/x.js', PORT)).toBe(false);
    expect(isAllowedRequest('file:///etc/passwd', PORT)).toBe(false);
  });
});

describe('screenUrl', () => {
  it('builds a role screen on the loopback origin and refuses anything that is not a plain name', () => {
    expect(screenUrl(PORT, 'kiosk')).toBe('http://127.0.0.1:4780/kiosk');
    expect(isAppUrl(screenUrl(PORT, 'rating'), PORT)).toBe(true);
    expect(() => screenUrl(PORT, '../etc')).toThrow();
    expect(() => screenUrl(PORT, '@evil.example')).toThrow();
  });
});

describe('isPermissionAllowed', () => {
  it('grants the camera to our own screens only', () => {
    expect(isPermissionAllowed('media', 'http://127.0.0.1:4780/counter', PORT)).toBe(true);
    expect(isPermissionAllowed('media', 'http://127.0.0.1:4780', PORT)).toBe(true);
    expect(isPermissionAllowed('media', 'http://evil.example/', PORT)).toBe(false);
    expect(isPermissionAllowed('media', 'http://127.0.0.1:4781/counter', PORT)).toBe(false);
    expect(isPermissionAllowed('media', 'file:///tmp/x.html', PORT)).toBe(false);
  });

  it('refuses every other permission, even to our own screens', () => {
    for (const p of ['geolocation', 'notifications', 'openExternal', 'display-capture', 'clipboard-read', 'hid', 'serial', 'usb', 'fullscreen', 'pointerLock', 'unknown']) {
      expect(isPermissionAllowed(p, 'http://127.0.0.1:4780/counter', PORT)).toBe(false);
    }
  });
});
