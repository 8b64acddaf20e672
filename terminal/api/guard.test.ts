import { describe, expect, it } from 'vitest';
import { cookieValue, isAllowedLoopbackRequest, isLoopbackAddress, isSameOrigin } from './guard.js';

describe('loopback request guard', () => {
  it('accepts the screens served from the service itself', () => {
    expect(isAllowedLoopbackRequest('127.0.0.1:4780', undefined)).toBe(true);
    expect(isAllowedLoopbackRequest('localhost:4780', 'http://localhost:4780')).toBe(true);
    expect(isAllowedLoopbackRequest('[::1]:4780', 'http://[::1]:4780')).toBe(true);
  });

  it('refuses a rebinding host name or a foreign page', () => {
    expect(isAllowedLoopbackRequest('evil.example:4780', undefined)).toBe(false);
    expect(isAllowedLoopbackRequest(undefined, undefined)).toBe(false);
    expect(isAllowedLoopbackRequest('127.0.0.1:4780', 'https://evil.example')).toBe(false);
    expect(isAllowedLoopbackRequest('127.0.0.1:4780', 'null')).toBe(false);
  });
});

describe('the peer address', () => {
  it('is loopback only for 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6', () => {
    for (const a of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(a), a).toBe(true);
    for (const a of ['192.168.1.20', '::ffff:10.0.0.5', 'fe80::1', '0.0.0.0', '', undefined]) expect(isLoopbackAddress(a), String(a)).toBe(false);
  });
});

describe('a paired browser', () => {
  it('sends its token only from its own pages', () => {
    expect(isSameOrigin('192.168.1.5:4780', undefined)).toBe(true);
    expect(isSameOrigin('192.168.1.5:4780', 'http://192.168.1.5:4780')).toBe(true);
    expect(isSameOrigin('192.168.1.5:4780', 'http://192.168.1.5:8080')).toBe(false);
    expect(isSameOrigin('192.168.1.5:4780', 'https://evil.example')).toBe(false);
    expect(isSameOrigin('192.168.1.5:4780', 'null')).toBe(false);
  });

  it('keeps its token in one cookie among others', () => {
    expect(cookieValue('a=1; hall_screen=abc_-9; b=2', 'hall_screen')).toBe('abc_-9');
    expect(cookieValue('hall_screenx=1', 'hall_screen')).toBeNull();
    expect(cookieValue(undefined, 'hall_screen')).toBeNull();
  });
});
