import { describe, expect, it } from 'vitest';
import { ServerError } from '../../core/contract/index.js';
import { failureReason, isServerFault } from './fault.js';

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('whose fault a failure is, and what of it may be kept', () => {
  it('blames the item for refused data, constraints, limits and our own refusals; the server for the rest', () => {
    expect(isServerFault(pgError('22P05', 'unsupported Unicode escape sequence'))).toBe(false);
    expect(isServerFault(pgError('23514', 'new row violates check constraint "x"'))).toBe(false);
    expect(isServerFault(pgError('54000', 'index row size exceeds maximum'))).toBe(false);
    expect(isServerFault(new TypeError("Cannot read properties of undefined (reading 'level')"))).toBe(false);
    expect(isServerFault(new ServerError('NOT_FOUND'))).toBe(false);
    expect(isServerFault(new ServerError('INTERNAL'))).toBe(true);
    expect(isServerFault(pgError('53100', 'could not extend file'))).toBe(true);
    expect(isServerFault(pgError('40P01', 'deadlock detected'))).toBe(true);
    expect(isServerFault(pgError('57P01', 'terminating connection due to administrator command'))).toBe(true);
    expect(isServerFault(pgError('ECONNRESET', 'read ECONNRESET'))).toBe(true);
  });

  it('keeps the code and the message, never the value PostgreSQL quotes at its end', () => {
    expect(failureReason(pgError('22P02', 'invalid input syntax for type integer: "13812345678"'))).toBe('22P02 invalid input syntax for type integer: "…"');
    expect(failureReason(pgError('23514', 'new row for relation "complaints" violates check constraint "held"'))).toBe('23514 new row for relation "complaints" violates check constraint "held"');
    expect(failureReason(pgError('22003', 'value "13812345678" is out of range for type integer'))).toBe('22003 value "…" is out of range for type integer');
    expect(failureReason(new ServerError('NOT_FOUND'))).toBe('NOT_FOUND');
    expect(failureReason('x'.repeat(400))).toHaveLength(300);
  });
});
