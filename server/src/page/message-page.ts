/** A short page of text and one link (logged out, login refused, login done), under the same CSP as the main page. */
import { escapeHtml } from './html.js';

export function messagePage(options: {
  lang: 'fr' | 'en';
  title: string;
  message: string;
  link: { href: string; text: string };
  /** A script of this server's own (`/static/…`), the one thing the CSP lets a page run. */
  script?: string;
}): string {
  return `<!doctype html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<link rel="stylesheet" href="/static/page.css">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
${options.script ? `<script type="module" src="${escapeHtml(options.script)}"></script>\n` : ''}</head>
<body>
<main class="message">
<h1>${escapeHtml(options.title)}</h1>
<p>${escapeHtml(options.message)}</p>
<p><a href="${escapeHtml(options.link.href)}">${escapeHtml(options.link.text)}</a></p>
</main>
</body>
</html>
`;
}
