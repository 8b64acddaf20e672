import type { SupervisionNames } from '../../core/contract/index.js';
import type { ServerDb } from '../db/connection.js';
import { listHallConfigs, serverCatalog } from '../halls/repository.js';

/** The lines of every hall and, once a catalog is imported, its procedures and prohibitions, in every language. */
export async function supervisionNames(db: ServerDb): Promise<SupervisionNames> {
  const halls = await listHallConfigs(db);
  const catalog = await serverCatalog(db);
  return {
    lines: halls.flatMap((h) => h.services.map((s) => ({ hall: h.hall, code: s.code, name: s.name }))),
    procedures: (catalog?.procedures ?? []).map((p) => ({ code: p.code, name: p.name })),
    prohibitions: (catalog?.prohibitions ?? []).map((p) => ({ no: p.no, text: p.text })),
  };
}
