import type { Section } from './access.js';

/** /supervisor/<section>/<id>: the section and the item open in it. */
export function parseSupervisorPath(path: string): { section: string | null; id: string | null } {
  const [, section, id] = path.split('/').filter(Boolean);
  return { section: section ?? null, id: id ? decodeURIComponent(id) : null };
}

export const sectionPath = (section: Section, id?: string | null) => `/supervisor/${section}${id ? `/${encodeURIComponent(id)}` : ''}`;
