/**
 * The personal website (`labeledURI`): checking what a person types before any request (`checkWebsite`), and
 * showing what the server sends (`safeWebsiteHref`, `displayWebsite`). Pure functions (no DOM, no Lit), usable
 * by any adapter or backend-side check; the view's link and the form's check share their rules here.
 *
 * What `checkWebsite` sends: the WHATWG serialisation of the URL (`URL.href`), which is what every browser
 * will actually request, so the directory stores one unambiguous form: scheme and host in lower case, the
 * host in punycode (a homoglyph such as a Cyrillic « а » can never pass for a Latin « a » once stored),
 * default ports dropped, characters a URL cannot carry (`<`, `"`, ...) percent-encoded. Two cosmetic
 * exceptions keep it close to what the person typed without changing where it leads:
 * - no `/` is added after a bare origin (`https://example.org` stays as typed, not `https://example.org/`);
 * - non-ASCII letters in the path, query and fragment stay readable (`/Université`, as an IRI) instead of
 *   `/Universit%C3%A9`; the directory attribute is a UTF-8 string and browsers encode them the same way.
 * Every value is re-parsed before it is returned: if it did not lead exactly where the checked URL leads,
 * the plain `href` is sent instead.
 */

export type WebsiteProblem = 'invalid_url' | 'unsupported_scheme' | 'no_host' | 'credentials' | 'too_long';

/** Counted in UTF-16 code units, as the `maxlength` attribute of an input counts them. */
export const MAX_WEBSITE_LENGTH = 2048;

export type WebsiteCheck =
  | {
      ok: true;
      /** The normalised URL to send; `null` means "remove the website". */
      value: string | null;
      /** True when the person typed no scheme and `https://` was added: the form should show the result. */
      suggested: boolean;
    }
  | { ok: false; problem: WebsiteProblem };

const WEB_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:']);

/**
 * Characters refused anywhere inside a website. Whitespace: the LDAP `labeledURI` syntax is "URI, space,
 * label", so a space would silently split the value. Control and format characters (zero-width spaces,
 * bidirectional overrides): invisible, they make the text a person reads differ from where it leads, and
 * the URL parser drops some of them silently. Lone surrogates cannot be sent as valid UTF-8. Backslash:
 * browsers read it as `/` but other URL parsers do not, and a URL that programs read differently is a
 * spoofing tool (`https://example.org\@evil.example`).
 */
const FORBIDDEN_INSIDE = /[\s\p{Cc}\p{Cf}\p{Cs}\\]/u;

/** Invisible characters copy-paste brings around a URL; stripped at both ends like whitespace. */
const EDGE_JUNK = /^[\s\p{Cc}\p{Cf}]$/u;
const LEADING_JUNK = /^[\s\p{Cc}\p{Cf}]+/u;

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
/** `scheme://authority`, the authority ending where the path, query or fragment starts. */
const AUTHORITY = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i;
/** `perso.example.org:8080/...` or `localhost:3000`: a host and a port, not a scheme. */
const HOST_AND_PORT = /^([^:/?#]+):\d*(?:[/?#]|$)/;
/** The separators IDNA maps to a dot: full stop, ideographic and full-width full stops. */
const DOT_LIKE = /[.\u3002\uFF0E\uFF61]/;
/** At least two non-empty labels; a final dot (fully qualified name) is allowed. */
const DOTTED_HOST = /^[^.]+(?:\.[^.]+)+\.?$/;
/** Letters, marks, digits, punctuation and symbols: what a person can read once decoded. */
const READABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
/** One non-ASCII character percent-encoded as UTF-8: a lead byte and exactly its continuation bytes. */
const ENCODED_NON_ASCII =
  /%[cd][0-9a-f]%[89ab][0-9a-f]|%e[0-9a-f](?:%[89ab][0-9a-f]){2}|%f[0-4](?:%[89ab][0-9a-f]){3}/gi;

/** Checks and normalises what a person typed in the « Site web » field. Never throws. */
export function checkWebsite(input: string): WebsiteCheck {
  const text = trimInvisible(input);
  if (text === '') return { ok: true, value: null, suggested: false };
  // Before any parsing, so a pasted megabyte costs nothing more than this comparison.
  if (text.length > MAX_WEBSITE_LENGTH) return refuse('too_long');
  if (FORBIDDEN_INSIDE.test(text)) return refuse('invalid_url');
  // `//evil.example` (scheme-relative) and `/path` are references inside some page, not a website.
  if (text.startsWith('/')) return refuse('invalid_url');

  let candidate = text;
  let suggested = false;
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined || (!isWebScheme(scheme) && looksLikeHostAndPort(text))) {
    // People often type the address the way it is written on a card: offer https rather than refuse.
    candidate = `https://${text}`;
    suggested = true;
  } else if (!isWebScheme(scheme)) {
    return refuse('unsupported_scheme');
  }

  // The parser would accept `http:/x`, `https:example.org` or `https:///example.org` and guess a host;
  // we ask for the `//` so that what is stored is what the person evidently meant.
  const authorityMatch = AUTHORITY.exec(candidate);
  const authority = authorityMatch?.[1];
  if (authorityMatch === null || authority === undefined || authority === '') return refuse('invalid_url');
  // Any `@` in the authority is user information, even an empty one (`https://@host`, which the parser
  // silently drops) or the classic `https://trusted.example@evil.example`.
  if (authority.includes('@')) return refuse('credentials');

  const url = parseUrl(candidate);
  if (url === undefined) return refuse('invalid_url');
  if (!WEB_PROTOCOLS.has(url.protocol)) return refuse('unsupported_scheme');
  if (url.username !== '' || url.password !== '') return refuse('credentials');
  if (!hasUsableHost(url.hostname, authority.replace(/:\d*$/, ''))) return refuse('no_host');

  const typedPath = candidate.charAt(authorityMatch[0].length) === '/';
  const value = readableForm(url, typedPath);
  if (value.length > MAX_WEBSITE_LENGTH) return refuse('too_long');
  return { ok: true, value, suggested };
}

function refuse(problem: WebsiteProblem): WebsiteCheck {
  return { ok: false, problem };
}

function isWebScheme(scheme: string): boolean {
  return scheme === 'http' || scheme === 'https';
}

function looksLikeHostAndPort(text: string): boolean {
  const host = HOST_AND_PORT.exec(text)?.[1];
  // `javascript:1` has the shape of a host and a port too: only a dotted name or localhost counts.
  return host !== undefined && (DOT_LIKE.test(host) || host.toLowerCase() === 'localhost');
}

/**
 * Anchored at the start a regular expression is linear; anchored at the end (`/\s+$/`) it backtracks
 * quadratically on long input, so the end is walked back one code point at a time.
 */
function trimInvisible(input: string): string {
  const start = LEADING_JUNK.exec(input)?.[0].length ?? 0;
  let end = input.length;
  while (end > start) {
    const last = input.codePointAt(end - 1) ?? 0;
    const before = input.codePointAt(end - 2) ?? 0;
    // A low surrogate preceded by a high one: the code point starts one unit earlier (tag characters
    // U+E0020..U+E007F, used to smuggle invisible text, are such astral format characters).
    const width = end - 2 >= start && last >= 0xdc00 && last <= 0xdfff && before > 0xffff ? 2 : 1;
    if (!EDGE_JUNK.test(input.slice(end - width, end))) break;
    end -= width;
  }
  return input.slice(start, end);
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/**
 * "A host with a dot or localhost", checked on the parser's host and on what was typed: the parser reads
 * `https://1234` as the IPv4 address 0.0.4.210, which has dots the person never typed.
 */
function hasUsableHost(hostname: string, typedHost: string): boolean {
  if (hostname === 'localhost' || hostname === 'localhost.') return true;
  return DOTTED_HOST.test(hostname) && DOT_LIKE.test(typedHost);
}

function readableForm(url: URL, typedPath: boolean): string {
  const origin = `${url.protocol}//${url.host}`;
  // Without user information `href` always starts with the origin; anything else, send `href` untouched.
  if (!url.href.startsWith(origin)) return url.href;
  let rest = url.href.slice(origin.length);
  if (!typedPath && rest.startsWith('/')) rest = rest.slice(1);
  const value = origin + rest.replace(ENCODED_NON_ASCII, decodeReadable);
  return parseUrl(value)?.href === url.href ? value : url.href;
}

/**
 * Decodes one percent-encoded non-ASCII character when it is something a person can read (a letter, mark,
 * digit, punctuation or symbol); invalid UTF-8, invisible, private-use and unassigned characters stay encoded.
 */
function decodeReadable(encoded: string): string {
  try {
    const character = decodeURIComponent(encoded);
    return READABLE.test(character) ? character : encoded;
  } catch {
    return encoded;
  }
}

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
