import { z } from 'zod';
import { LANGS, TimeZone } from './common.js';

export const Health = z.object({
  status: z.literal('ok'),
  version: z.string(),
  role: z.string(),
  deviceId: z.string(),
  database: z.object({ ok: z.boolean(), schemaVersion: z.number().int(), outboxPending: z.number().int() }),
  catalog: z.object({ procedures: z.number().int(), importedAt: z.string().nullable() }),
  time: z.string(),
});
export type Health = z.infer<typeof Health>;

export const KioskConfig = z.object({
  idleSeconds: z.number().int().min(5),
  countdownSeconds: z.number().int().min(1),
  languages: z.array(z.enum(LANGS)),
  defaultLanguage: z.enum(LANGS),
  timeZone: TimeZone,
});
export type KioskConfig = z.infer<typeof KioskConfig>;
