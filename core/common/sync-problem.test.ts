import { describe, expect, it } from 'vitest';
import { syncProblemOf } from './sync-problem.js';

describe('why a terminal does not sync', () => {
  it('tells the causes staff can act on apart, and calls anything else a refusal', () => {
    expect(syncProblemOf('NETWORK')).toBe('unreachable');
    expect(syncProblemOf('CERTIFICATE_MISMATCH')).toBe('certificate');
    expect(syncProblemOf('TERMINAL_DISABLED')).toBe('disabled');
    expect(syncProblemOf('TERMINAL_UNKNOWN')).toBe('not-recognised');
    expect(syncProblemOf('SIGNATURE_INVALID')).toBe('not-recognised');
    expect(syncProblemOf('TIMESTAMP_OUT_OF_WINDOW')).toBe('clock');
    expect(syncProblemOf('INTERNAL')).toBe('server-error');
    expect(syncProblemOf('ACK_GAP')).toBe('ack-gap');
    expect(syncProblemOf('TERMINAL_ROLE_FORBIDDEN')).toBe('refused');
  });
});
