/**
 * Where to go after login: a path of this server only. Anything that could leave it (`//evil.example`,
 * `/\evil.example`, `https://…`, control characters) becomes `/`: no open redirect.
 */
export function safeReturnPath(raw: unknown, publicUrl: URL): string {
  if (typeof raw !== 'string' || !raw.startsWith('/') || raw.startsWith('//') || /[\\\p{Cc}]/u.test(raw)) return '/';
  const url = new URL(raw, publicUrl);
  if (url.origin !== publicUrl.origin) return '/';
  return `${url.pathname}${url.search}`;
}
