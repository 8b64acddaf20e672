/** What a log may keep of an error: its kind, codes and where it came from, never the data it was about. */
export interface LoggedError {
  type: string;
  message?: string;
  code?: string;
  /** A database error's class of fault and the objects it names (SQLSTATE fields). */
  severity?: string;
  routine?: string;
  schema?: string;
  table?: string;
  column?: string;
  constraint?: string;
  stack?: string;
  cause?: LoggedError;
}

const NAMED_FIELDS = ['severity', 'routine', 'schema', 'table', 'column', 'constraint'] as const;

/**
 * A database message without the values it quotes (`invalid input syntax for type integer: "…"`,
 * `value "…" is out of range`). The names of the objects it quotes (a relation, a constraint) stay:
 * they say where, not whose.
 */
export const withoutValue = (message: string): string =>
  message.replace(/(\b(?:relation|constraint|column|table|index|type|schema|function|encoding|database|role|sequence|trigger) )?"[^"]*"/g, (quoted, name?: string) => (name ? quoted : '"…"'));

/**
 * A PostgreSQL error (from pg or PGlite) carries the failing row in `detail`, JSON or parameter
 * text in `where`, and PGlite adds the query's `params`: none of it may reach a log.
 */
function isDatabaseError(e: Record<string, unknown>): boolean {
  return typeof e.severity === 'string' && typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code);
}

export function loggableError(err: unknown, depth = 0): LoggedError {
  if (typeof err !== 'object' || err === null) return { type: typeof err };
  const e = err as Record<string, unknown>;
  const type = typeof e.name === 'string' ? e.name : (err.constructor?.name ?? 'object');
  const code = typeof e.code === 'string' ? e.code : undefined;
  if (isDatabaseError(e)) {
    const out: LoggedError = { type, code, ...(typeof e.message === 'string' ? { message: withoutValue(e.message) } : {}) };
    for (const k of NAMED_FIELDS) if (typeof e[k] === 'string') out[k] = e[k];
    return out;
  }
  return {
    type,
    ...(typeof e.message === 'string' ? { message: e.message } : {}),
    ...(code ? { code } : {}),
    ...(typeof e.stack === 'string' ? { stack: e.stack } : {}),
    ...(e.cause !== undefined && depth < 3 ? { cause: loggableError(e.cause, depth + 1) } : {}),
  };
}
