/**
 * Safe `mailto:` links from addresses the server sent: the person's own mail in « Informations générales »
 * and the directory correspondent's in every section's hint. No DOM, no Lit.
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
