import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { api } from './api.js';
import { CatalogFile } from './catalog.js';
import { NewAnnouncement } from './announcements.js';
import { HallConfig } from './queue.js';
import { NewStaff, NewTerminal } from './server-admin.js';
import { serverApi } from './server-api.js';

// PostgreSQL cannot store a NUL and mangles a lone surrogate; a terminal that took one kept an
// event the server refused forever. Every string a caller sends must refuse both.

type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType; options?: z.ZodType[]; in?: z.ZodType; out?: z.ZodType; left?: z.ZodType; right?: z.ZodType; valueType?: z.ZodType };

/** Every string leaf of a schema (a string read as something else counts whole), by path; `z.json()` (lazy) is checked on its own. */
function stringLeaves(schema: z.ZodType, path: string, out: Map<string, z.ZodType>): void {
  const def = (schema as unknown as { def: Def }).def;
  const children: [string, z.ZodType | undefined][] = [];
  const stringPipe = def.type === 'pipe' && (def.in as unknown as { def: Def }).def.type === 'string';
  if (def.type === 'string' || stringPipe) out.set(path, schema);
  else if (def.type === 'object') children.push(...Object.entries(def.shape!).map(([k, v]): [string, z.ZodType] => [`${path}.${k}`, v]));
  else if (def.type === 'array') children.push([`${path}[]`, def.element]);
  else if (def.type === 'record') children.push([`${path}{}`, def.valueType]);
  else if (def.type === 'union') children.push(...def.options!.map((o, i): [string, z.ZodType] => [`${path}|${i}`, o]));
  else if (def.type === 'pipe') children.push([path, def.in], [path, def.out]);
  else if (def.type === 'intersection') children.push([path, def.left], [path, def.right]);
  else if (['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional'].includes(def.type)) children.push([path, def.innerType]);
  for (const [p, s] of children) if (s) stringLeaves(s, p, out);
}

const inputs: [string, z.ZodType][] = [
  ...Object.entries({ ...api, ...serverApi }).flatMap(([name, route]) =>
    (['params', 'query', 'body'] as const).flatMap((part): [string, z.ZodType][] => {
      const schema = (route as { [k in typeof part]?: z.ZodType })[part];
      return schema ? [[`${name}.${part}`, schema]] : [];
    }),
  ),
  ['catalog', CatalogFile],
  ['hallConfig', HallConfig],
  ['announcement', NewAnnouncement],
  ['terminal', NewTerminal],
  ['staff', NewStaff],
];

// A password is hashed, never stored as text: any character may be in it.
const HASHED = /\.password$/;

describe('every string a caller sends', () => {
  const leaves = new Map<string, z.ZodType>();
  for (const [name, schema] of inputs) stringLeaves(schema, name, leaves);

  it('is found (the walk reaches the routes’ fields)', () => {
    expect([...leaves.keys()]).toEqual(expect.arrayContaining(['fileOpinion.body.text', 'createAppointment.body.matter', 'cancelAppointment.body.reason']));
  });

  for (const [what, bad] of [
    ['a NUL', 'abc\u0000defgh'],
    ['a lone high surrogate', 'abc\uD800defgh'],
    ['a lone low surrogate', 'abc\uDC00defgh'],
  ] as const) {
    it(`refuses ${what}`, () => {
      const accepted = [...leaves].filter(([path, s]) => !HASHED.test(path) && s.safeParse(bad).success).map(([path]) => path);
      expect(accepted).toEqual([]);
    });
  }
});
