// The page's own script, a file so that the CSP needs no inline script.
//
// Trusted Types are enforced on this page. Lit brings its own policy (`lit-html`); the password strength
// worker is started from a URL, a Trusted Types sink, so this default policy accepts exactly the scripts
// of this origin under /assets/ and refuses everything else.
if (window.trustedTypes && !window.trustedTypes.defaultPolicy) {
  window.trustedTypes.createPolicy('default', {
    createScriptURL(value) {
      const url = new URL(value, document.baseURI);
      if (url.origin === location.origin && url.pathname.startsWith('/assets/')) return url.href;
      throw new TypeError('Only scripts of /assets/ may be loaded here.');
    },
  });
}

// The session ended (the API answered 401): go through the login again and come back here.
document.addEventListener('sel-unauthorized', () => {
  const back = location.pathname + location.search;
  location.assign('/auth/login?return=' + encodeURIComponent(back));
});
