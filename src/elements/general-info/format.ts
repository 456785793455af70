/**
 * Dates that keep their calendar day, as `<sel-general-info>` shows them. No DOM, no Lit, so it is unit-tested
 * alone.
 */

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * ISO 8601 reads a date alone (`2026-09-30`) as midnight UTC, which west of Greenwich (Antilles, Guyane,
 * Polynésie) is still the day before. A date alone is a calendar day, so it is given a local time of day:
 * noon, which exists on every day in every time zone, daylight saving included. Date-times are instants and
 * stay as they are: they are shown in the person's own time zone.
 */
export function asCalendarDay(iso: string): string {
  const text = iso.trim();
  return DATE_ONLY.test(text) ? `${text}T12:00:00` : text;
}
