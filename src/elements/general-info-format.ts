/**
 * Small, pure helpers turning account values into what `<sel-general-info>` shows: safe `mailto:` links and
 * dates that keep their calendar day. No DOM, no Lit, so they are unit-tested alone.
 */

/** One `@`, something on each side, no whitespace: anything else is shown as text, never as a link. */
const MAIL_ADDRESS = /^[^\s@]+@[^\s@]+$/;

/**
 * The `mailto:` link of an address the server sent, or `undefined` when it does not look like one. Every
 * character but `@` is percent-encoded, so an address such as `a@b?cc=x@y` cannot add recipients, a
 * subject or a body to the message.
 */
export function mailtoHref(address: string | null | undefined): string | undefined {
  const text = address?.trim();
  if (!text || !MAIL_ADDRESS.test(text)) return undefined;
  return `mailto:${encodeURIComponent(text).replace(/%40/g, '@')}`;
}

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
