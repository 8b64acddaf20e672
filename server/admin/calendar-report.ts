import { loadCalendar } from '../calendar/calendar.js';

/** `calendar show`: what the deadlines count on, and whether anyone has checked it. */
export function calendarReport(file: string, year: number, caseDays: number, complaintDays: number): string {
  const cal = loadCalendar(file);
  const inYear = (m: Map<string, string>) => [...m].filter(([d]) => d.startsWith(`${year}-`)).sort(([a], [b]) => (a < b ? -1 : 1));
  const lines = [`Calendar ${file}${cal.file.name ? ` (${cal.file.name})` : ''}`];
  if (!cal.file.checked) lines.push('NOT YET CHECKED against the official notice: set "checked": true once the department has done so.');
  if (!cal.covers(year)) lines.push(`No holidays listed for ${year}: only weekends are off.`);
  const holidays = inYear(cal.holidays);
  const workdays = inYear(cal.workdays);
  if (holidays.length) lines.push('', `Holidays ${year}:`, ...holidays.map(([d, n]) => `  ${d}  ${n}`));
  if (workdays.length) lines.push('', `Make-up working days ${year}:`, ...workdays.map(([d, n]) => `  ${d}  ${n}`));
  lines.push('', `Bad-rating cases are due ${caseDays} working days after filing; complaints ${complaintDays}.`);
  return lines.join('\n');
}
