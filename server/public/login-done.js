// The last page of the login that the elements open in a popup (« Se connecter », on a portal's page on
// another origin): the page that opened it watches it close, then loads the account. A file, so that the
// CSP needs no inline script. Reached any other way (a bookmark, a tab), the page stays, with its link.
if (window.opener) window.close();
