import type { WorkingCalendar } from '../calendar/calendar.js';
import type { ServerConfig } from '../config.js';

/** What storing a rating or an opinion needs to date it: now, the hall's zone and the deadlines. */
export interface FeedbackClock {
  now: Date;
  timeZone: string;
  calendar: WorkingCalendar;
  caseDeadlineWorkingDays: number;
  complaintDeadlineWorkingDays: number;
}

type ClockConfig = Pick<ServerConfig, 'now' | 'hallTimeZone' | 'caseDeadlineWorkingDays' | 'complaintDeadlineWorkingDays'>;

export function feedbackClock(config: ClockConfig, calendar: WorkingCalendar, now: Date = new Date(config.now())): FeedbackClock {
  return {
    now,
    timeZone: config.hallTimeZone,
    calendar,
    caseDeadlineWorkingDays: config.caseDeadlineWorkingDays,
    complaintDeadlineWorkingDays: config.complaintDeadlineWorkingDays,
  };
}
