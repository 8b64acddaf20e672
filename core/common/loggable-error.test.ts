import { describe, expect, it } from 'vitest';
import { loggableError } from './loggable-error.js';

// What pg and PGlite attach to a failed query, with a visitor's data in every field that may hold it.
function databaseError() {
  return Object.assign(new Error('invalid input syntax for type integer: "13912345678"'), {
    name: 'error',
    severity: 'ERROR',
    code: '22P02',
    detail: 'Failing row contains (01J…, 13912345678, 230102199003071234).',
    hint: 'value "13912345678"',
    where: 'JSON data, line 1: {"phone":"13912345678"',
    internalQuery: 'SELECT 13912345678',
    position: '42',
    routine: 'pg_strtoint32_safe',
    table: 'appointments',
    column: 'contact_phone',
    query: 'insert into appointments values ($1, $2)',
    params: ['13912345678', '230102199003071234'],
  });
}

describe('an error as the log keeps it', () => {
  it('keeps a database error’s kind, code and the names it is about, and nothing of the data', () => {
    const logged = loggableError(databaseError());
    expect(logged).toEqual({
      type: 'error',
      code: '22P02',
      message: 'invalid input syntax for type integer: "…"',
      severity: 'ERROR',
      routine: 'pg_strtoint32_safe',
      table: 'appointments',
      column: 'contact_phone',
    });
  });

  it('keeps the message and stack of the service’s own errors, and reads their cause the same way', () => {
    const err = new Error('outbox write failed', { cause: databaseError() });
    const logged = loggableError(err);
    expect(logged).toMatchObject({ type: 'Error', message: 'outbox write failed', stack: expect.stringContaining('outbox write failed'), cause: { code: '22P02' } });
    expect(JSON.stringify(logged)).not.toMatch(/13912345678|230102199003071234/);
  });

  it('says only what kind of thing was thrown when it is not an error', () => {
    expect(loggableError('13912345678')).toEqual({ type: 'string' });
  });
});
