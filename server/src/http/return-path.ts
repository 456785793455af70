/**
 * Where to go after login: a path of this server only, judged on what the browser will follow. The value is
 * first normalised the way a browser reads it (dot segments, percent-encoded dots, tabs and newlines that
 * URLs drop), then the *result* is checked: `/.//evil.example` normalises to `//evil.example`, which a
 * browser reads as another host. Anything that could leave this server (`//host`, `/\host`, `https://…`,
 * `javascript:`, control characters) becomes `/`: no open redirect. The one way off it is a page of a
 * portal the administrator allowed (`SEL_ALLOWED_ORIGINS`), named by its whole URL.
 */
export function safeReturnPath(raw: unknown, publicUrl: URL, allowedOrigins: readonly string[] = []): string {
  // Backslashes and control characters have no place in a path we hand out; browsers read `\` as `/`.
  if (typeof raw !== 'string' || /[\\\p{Cc}]/u.test(raw)) return '/';
  if (!raw.startsWith('/')) return portalPage(raw, allowedOrigins);
  let url: URL;
  try {
    url = new URL(raw, publicUrl.origin);
  } catch {
    return '/';
  }
  if (url.origin !== publicUrl.origin) return '/';
  const path = `${url.pathname}${url.search}`;
  return isLocalPath(path) ? path : '/';
}

/**
 * A page of a portal of `SEL_ALLOWED_ORIGINS` (the elements on another origin send the person to log in
 * and back): the whole URL, when its origin is exactly one of them and it carries no credentials.
 */
function portalPage(raw: string, allowedOrigins: readonly string[]): string {
  if (!URL.canParse(raw)) return '/';
  const url = new URL(raw);
  if (!allowedOrigins.includes(url.origin) || url.username || url.password) return '/';
  return url.href;
}

/** A path a browser resolves against this server's origin: one `/`, then neither `/` nor `\`. */
function isLocalPath(path: string): boolean {
  return path.startsWith('/') && path[1] !== '/' && path[1] !== '\\';
}
