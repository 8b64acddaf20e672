/** The hall's local date (YYYY-MM-DD) at an instant: tickets are numbered per day from it. */
export function hallDay(at: number | Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
