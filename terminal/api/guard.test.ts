import { describe, expect, it } from 'vitest';
import { isAllowedRequest } from './guard.js';

describe('loopback request guard', () => {
  it('accepts the screens served from the service itself', () => {
    expect(isAllowedRequest('127.0.0.1', '127.0.0.1:4780', undefined)).toBe(true);
    expect(isAllowedRequest('127.0.0.1', 'localhost:4780', 'http://localhost:4780')).toBe(true);
    expect(isAllowedRequest('127.0.0.1', '[::1]:4780', 'http://[::1]:4780')).toBe(true);
  });

  it('refuses a rebinding host name or a foreign page', () => {
    expect(isAllowedRequest('127.0.0.1', 'evil.example:4780', undefined)).toBe(false);
    expect(isAllowedRequest('127.0.0.1', undefined, undefined)).toBe(false);
    expect(isAllowedRequest('127.0.0.1', '127.0.0.1:4780', 'https://evil.example')).toBe(false);
    expect(isAllowedRequest('127.0.0.1', '127.0.0.1:4780', 'null')).toBe(false);
  });

  it('leaves the check to the network when the service is deliberately exposed', () => {
    expect(isAllowedRequest('0.0.0.0', 'hall-pc.local:4780', 'http://hall-pc.local:4780')).toBe(true);
  });
});
