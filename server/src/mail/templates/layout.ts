/**
 * The HTML frame of the built-in mails: one column, the styles inline (mail clients drop `<style>` and never
 * fetch a style sheet), system fonts, nothing loaded from elsewhere. The text part says the same thing
 * without it.
 */
import { escapeHtml } from '../../page/html.js';
import type { MailLanguage } from './template.js';

/** The built-in templates' HTML parts, written with these few pieces so that all of them look alike. */
export const STYLE = {
  body: 'margin:0;padding:24px 16px;background:#ffffff;color:#1e1e1e;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5',
  column: 'max-width:560px;margin:0 auto',
  code: 'margin:24px 0;font-family:Consolas,Menlo,monospace;font-size:32px;font-weight:bold;letter-spacing:2px;white-space:nowrap',
  button:
    'display:inline-block;padding:12px 20px;background:#000091;color:#ffffff;text-decoration:none;font-weight:bold;border-radius:4px',
  small: 'font-size:13px;color:#555555',
  link: 'color:#000091;word-break:break-all',
} as const;

export function htmlDocument(language: MailLanguage, subject: string, body: string, footer: string): string {
  return `<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subject)}</title>
</head>
<body style="${STYLE.body}">
<div style="${STYLE.column}">
${body.trim()}
<hr style="border:none;border-top:1px solid #dddddd;margin:32px 0 16px">
<p style="${STYLE.small}">${footer}</p>
</div>
</body>
</html>
`;
}
