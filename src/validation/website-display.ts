/**
 * The personal website as the view shows what the server sends: a link only when the value is an http(s)
 * URL that leads where its text says, its text with the host in punycode and invisible characters made
 * visible. Pure functions (no DOM, no Lit).
 *
 * Apart from the check of what a person types (website.ts) because the view and the directory hint need
 * this on every page while the check travels with the edit form, downloaded on « Modifier… »: a module
 * shared by both would make that chunk import the first module back (elements/shared/lit-kit.ts says why it must not).
 * The few lines both need are therefore written twice; test/validation/website.test.ts keeps them in step.
 */

/** The longest value made a link: the form's own limit (`MAX_WEBSITE_LENGTH` in website.ts). */
export const MAX_LINKED_WEBSITE_LENGTH = 2048;

const WEB_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:']);

/** What website.ts refuses inside a website (whitespace, control and format characters, lone surrogates, `\`). */
const FORBIDDEN_INSIDE = /[\s\p{Cc}\p{Cf}\p{Cs}\\]/u;

/** Characters that are shown percent-encoded by `displayWebsite` because they cannot be seen or reorder text. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

/**
 * For rendering a server value as a link: the href when the value is an http(s) URL, else undefined
 * (render as plain text).
 */
export function safeWebsiteHref(value: string | null | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  // Stricter than the parser on purpose: a server value in any other shape (`http:/x`, `HTTP:\\x`, a tab
  // inside the host) would lead somewhere other than what its text shows, so it stays plain text.
  if (!/^https?:\/\//i.test(text) || FORBIDDEN_INSIDE.test(text)) return undefined;
  const url = parseUrl(text);
  if (url === undefined || !WEB_PROTOCOLS.has(url.protocol) || url.hostname === '') return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  return url.href;
}

/**
 * What to show a person: the URL with its host in punycode when it has non-ASCII (homoglyph defence), else
 * as given.
 */
export function displayWebsite(value: string): string {
  let shown = value;
  const authority = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#\\]*)/i.exec(value);
  if (authority?.[1] !== undefined && authority[2] !== undefined) {
    const whole = authority[2];
    const at = whole.lastIndexOf('@');
    const userInfo = whole.slice(0, at + 1);
    const hostAndPort = whole.slice(at + 1);
    const port = /:\d*$/.exec(hostAndPort)?.[0] ?? '';
    const host = hostAndPort.slice(0, hostAndPort.length - port.length);
    if (/\P{ASCII}/u.test(host)) {
      shown = `${authority[1]}${userInfo}${asciiHost(host)}${port}${value.slice(authority[0].length)}`;
    }
  }
  // Invisible and direction-changing characters are shown as their percent-encoding, so that what a
  // person reads is every character there is.
  return shown.replace(INVISIBLE, escapeCharacter);
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function asciiHost(host: string): string {
  const parsed = parseUrl(`http://${host}/`);
  if (parsed !== undefined && parsed.hostname !== '') return parsed.hostname;
  // Not a valid international name: show every non-ASCII character encoded, so it cannot pass for ASCII.
  return host.replace(/\P{ASCII}/gu, escapeCharacter);
}

function escapeCharacter(character: string): string {
  try {
    return encodeURIComponent(character);
  } catch {
    // A lone surrogate has no UTF-8 form: show the replacement character, encoded.
    return '%EF%BF%BD';
  }
}
