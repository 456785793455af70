/**
 * « Se connecter » for a backend on another origin than the page (an adapter's `loginUrl`): the portal's
 * login does not open that backend's session. Its login opens in a popup, so the portal's page stays as it
 * is; the login's last page (the reference server's `/auth/done`) closes the popup, and the section loads
 * the account again. A blocked popup leaves the page itself, which comes back after the login: in this
 * state nothing typed is on it to lose.
 */

/** How the page goes to the login when the popup is blocked: a seam for tests, which must stay on their page. */
export const pageNavigation = { assign: (url: string): void => location.assign(url) };

/** How often the page looks whether the popup is closed; the page's `focus` (the person back) looks too. */
const POLL_MS = 500;

/** Opens the login; `closed` runs once the popup is closed. Returns what stops watching it. */
export function openLogin(loginUrl: string, closed: () => void): () => void {
  const withReturn = (target: string): string =>
    `${loginUrl}${loginUrl.includes('?') ? '&' : '?'}return=${encodeURIComponent(target)}`;
  // A path, resolved by the login's own server: that server takes a whole URL only on a portal's origin.
  const popup = window.open(withReturn('/auth/done'), 'sel-login', 'popup,width=520,height=640');
  if (!popup) {
    pageNavigation.assign(withReturn(location.href));
    return () => undefined;
  }
  const check = (): void => {
    if (!popup.closed) return;
    stop();
    closed();
  };
  const timer = setInterval(check, POLL_MS);
  window.addEventListener('focus', check);
  const stop = (): void => {
    clearInterval(timer);
    window.removeEventListener('focus', check);
  };
  return stop;
}
