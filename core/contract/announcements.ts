import { z } from 'zod';
import { LocalizedRequired } from './common.js';
import { HallCode } from './server-admin.js';

/** A notice the office publishes to a hall's kiosks (closures, changed hours…): reference data, synced down. */
export const Announcement = z.object({
  id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/),
  hall: HallCode,
  text: LocalizedRequired,
  /** Shown from this day to that day inclusive (the hall's calendar days). */
  from: z.iso.date(),
  until: z.iso.date(),
});
export type Announcement = z.infer<typeof Announcement>;

export const NewAnnouncement = Announcement.omit({ id: true }).refine((a) => a.from <= a.until, { message: 'until is before from', path: ['until'] });

export const AnnouncementList = z.object({ announcements: z.array(z.object({ id: z.string(), text: z.string(), until: z.iso.date() })) });
