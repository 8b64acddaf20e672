import { describe, expect, it } from 'vitest';
import { officePortDecision } from './office-port.js';

const PIN = 'AB:CD';

describe("the terminal and its office's server on another port", () => {
  it('follows the same server (this computer, the pinned certificate) to its new port', () => {
    expect(officePortDecision('https://127.0.0.1:4800', PIN, 'https://127.0.0.1:4900', PIN)).toEqual({ kind: 'follow', from: 'https://127.0.0.1:4800', to: 'https://127.0.0.1:4900' });
    expect(officePortDecision('http://127.0.0.1:4800', null, 'http://127.0.0.1:4801', null)).toMatchObject({ kind: 'follow' });
    expect(officePortDecision('https://127.0.0.1:4800', PIN, 'https://127.0.0.1:4800', PIN)).toEqual({ kind: 'same' });
  });

  it('refuses, saying what to type, when the office server is not the one pinned', () => {
    const d = officePortDecision('https://127.0.0.1:4800', PIN, 'https://127.0.0.1:4900', 'EF:01');
    expect(d).toMatchObject({ kind: 'refuse', message: expect.stringContaining('SERVER_PORT=4800') });
  });

  it('refuses a terminal enrolled with a central server elsewhere, naming its SERVER_URL', () => {
    const d = officePortDecision('https://hall.example.gov.cn:4800', PIN, 'https://127.0.0.1:4800', PIN);
    expect(d).toMatchObject({ kind: 'refuse', message: expect.stringContaining('SERVER_URL=https://hall.example.gov.cn:4800 npm start') });
  });
});
