// The page's own script, a file so that the CSP needs no inline script.
//
// Trusted Types are enforced on this page; the elements bring their own policies (see the CSP), so this
// script defines none.

// The session ended (the API answered 401 or a redirect): the elements keep what the person typed and say
// so; this banner offers the login rather than leaving the page at once, which would lose that input.
document.addEventListener('sel-unauthorized', () => {
  if (document.getElementById('session-ended')) return;
  const english = document.documentElement.lang === 'en';
  const banner = document.createElement('p');
  banner.id = 'session-ended';
  banner.className = 'session-ended';
  banner.setAttribute('role', 'alert');
  banner.append(english ? 'Your session has ended. ' : 'Votre session a expiré. ');
  const login = document.createElement('a');
  login.href = '/auth/login?return=' + encodeURIComponent(location.pathname + location.search);
  login.textContent = english ? 'Log in again' : 'Se reconnecter';
  banner.append(login);
  document.body.prepend(banner);
});
