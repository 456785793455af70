/**
 * Stores give an opaque version (the file store's counter, the directory's entryCSN); HTTP wants it as a
 * strong ETag, quoted. `If-Match` is compared strongly: a weak or list form never matches (RFC 9110 §13.1.1).
 */
export function toEtag(version: string): string {
  return `"${version}"`;
}

/** The version an `If-Match` names, or `undefined` when it names none that a strong comparison accepts. */
export function versionFromIfMatch(ifMatch: string): string | undefined {
  return /^"([^"]*)"$/.exec(ifMatch.trim())?.[1];
}
