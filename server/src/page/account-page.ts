/**
 * The « Mon compte » page: the four elements talking to this server's API, the person's name, a logout
 * link, the CSRF token in `<meta name="csrf-token">`. No inline script or style: the page's own script and
 * styles are files under /static/, allowed by `'self'` in the CSP.
 */
import { escapeHtml } from './html.js';

export interface AccountPageOptions {
  lang: 'fr' | 'en';
  displayName: string;
  csrfToken: string;
  apiBase: string;
  devBanner: boolean;
}

const TEXTS = {
  fr: {
    title: 'Mon compte',
    logout: 'Se déconnecter',
    other: { lang: 'en', label: 'English' },
    dev: 'Mode développement : connexion automatique sans mot de passe. Ne pas utiliser en production.',
    skip: 'Aller au contenu',
  },
  en: {
    title: 'My account',
    logout: 'Log out',
    other: { lang: 'fr', label: 'Français' },
    dev: 'Development mode: automatic login without a password. Never use in production.',
    skip: 'Skip to content',
  },
} as const;

const ELEMENTS = ['sel-general-info', 'sel-phones', 'sel-redlist', 'sel-password-change'];

export function accountPage(options: AccountPageOptions): string {
  const text = TEXTS[options.lang];
  const apiBase = escapeHtml(options.apiBase);
  const elements = ELEMENTS.map((tag) => `<${tag} api-base="${apiBase}"></${tag}>`).join('\n');
  return `<!doctype html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="${escapeHtml(options.csrfToken)}">
<title>${escapeHtml(text.title)}</title>
<link rel="stylesheet" href="/static/page.css">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<script type="module" src="/static/page.js"></script>
<script type="module" src="/assets/sel-widgets.js"></script>
</head>
<body>
<a class="skip" href="#content">${escapeHtml(text.skip)}</a>
${options.devBanner ? `<p class="dev-banner" role="note">${escapeHtml(text.dev)}</p>\n` : ''}<header class="site-header">
<p class="site-name">ENT</p>
<nav aria-label="${options.lang === 'fr' ? 'Compte' : 'Account'}">
<span class="person">${escapeHtml(options.displayName)}</span>
<a href="/?lang=${text.other.lang}" lang="${text.other.lang}" hreflang="${text.other.lang}">${text.other.label}</a>
<a href="/auth/logout">${escapeHtml(text.logout)}</a>
</nav>
</header>
<main id="content">
<h1>${escapeHtml(text.title)}</h1>
${elements}
</main>
</body>
</html>
`;
}
