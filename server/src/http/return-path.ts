/**
 * Where to go after login: a path of this server only, judged on what the browser will follow. The value is
 * first normalised the way a browser reads it (dot segments, percent-encoded dots, tabs and newlines that
 * URLs drop), then the *result* is checked: `/.//evil.example` normalises to `//evil.example`, which a
 * browser reads as another host. Anything that could leave this server (`//host`, `/\host`, `https://…`,
 * `javascript:`, control characters) becomes `/`: no open redirect.
 */
export function safeReturnPath(raw: unknown, publicUrl: URL): string {
  // Backslashes and control characters have no place in a path we hand out; browsers read `\` as `/`.
  if (typeof raw !== 'string' || !raw.startsWith('/') || /[\\\p{Cc}]/u.test(raw)) return '/';
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

/** A path a browser resolves against this server's origin: one `/`, then neither `/` nor `\`. */
function isLocalPath(path: string): boolean {
  return path.startsWith('/') && path[1] !== '/' && path[1] !== '\\';
}
