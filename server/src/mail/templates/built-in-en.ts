/** The mails in English, as the server sends them when no administrator's template replaces them. */
import { htmlDocument, STYLE } from './layout.js';
import type { MailKind, MailTemplate } from './template.js';

const FOOTER = 'Automatic message from the “My account” page: please do not reply.';

function mail(subject: string, text: string, body: string): MailTemplate {
  return { subject, text: `${text.trim()}\n\n-- \n${FOOTER}\n`, html: htmlDocument('en', subject, body, FOOTER) };
}

export const ENGLISH: Readonly<Record<MailKind, MailTemplate>> = {
  'confirmation-code': mail(
    'Confirm your recovery address',
    `
Hello {{name}},

You gave this address ({{address}}) as the recovery address of your account. To confirm it, enter this code on the “My account” page:

    {{code}}

This code is valid for {{minutes}} minutes. Do not give it to anyone: no service will ever ask you for it, by e-mail or by phone.

If you did not ask for this, do nothing: the address will not be added.
`,
    `
<p>Hello {{name}},</p>
<p>You gave this address ({{address}}) as the recovery address of your account. To confirm it, enter this code on the “My account” page:</p>
<p style="${STYLE.code}">{{code}}</p>
<p>This code is valid for {{minutes}} minutes. Do not give it to anyone: no service will ever ask you for it, by e-mail or by phone.</p>
<p>If you did not ask for this, do nothing: the address will not be added.</p>
`,
  ),
  'password-changed': mail(
    'Your password was changed',
    `
Hello {{name}},

The password of your account was changed on {{date}}, from the IP address {{clientAddress}}.

If this was you, there is nothing to do.

{{notMe}}
`,
    `
<p>Hello {{name}},</p>
<p>The password of your account was changed on {{date}}, from the IP address {{clientAddress}}.</p>
<p>If this was you, there is nothing to do.</p>
<p><strong>{{notMe}}</strong></p>
`,
  ),
  'password-reset': mail(
    'Your password was reset',
    `
Hello {{name}},

The password of your account was reset with a link sent to your recovery address, on {{date}}, from the IP address {{clientAddress}}.

If this was you, there is nothing to do.

{{notMe}}
`,
    `
<p>Hello {{name}},</p>
<p>The password of your account was reset with a link sent to your recovery address, on {{date}}, from the IP address {{clientAddress}}.</p>
<p>If this was you, there is nothing to do.</p>
<p><strong>{{notMe}}</strong></p>
`,
  ),
  'address-removed': mail(
    'Recovery address removed from your account',
    `
Hello {{name}},

This address ({{address}}) was removed from the recovery addresses of your account on {{date}}, from the IP address {{clientAddress}}. It will no longer receive links to reset your password.

If this was you, there is nothing to do.

{{notMe}}
`,
    `
<p>Hello {{name}},</p>
<p>This address ({{address}}) was removed from the recovery addresses of your account on {{date}}, from the IP address {{clientAddress}}. It will no longer receive links to reset your password.</p>
<p>If this was you, there is nothing to do.</p>
<p><strong>{{notMe}}</strong></p>
`,
  ),
  'reset-link': mail(
    'Reset your password',
    `
Hello {{name}},

To choose a new password, open this link within {{minutes}} minutes:

{{link}}

The link works once. Do not pass it on to anyone.

If you did not ask to reset your password, do not open this link: your password stays as it is. {{notMe}}
`,
    `
<p>Hello {{name}},</p>
<p>To choose a new password, open this link within {{minutes}} minutes:</p>
<p><a href="{{link}}" style="${STYLE.button}">Choose a new password</a></p>
<p style="${STYLE.small}">If the button does not open, copy this address into your browser: <a href="{{link}}" style="${STYLE.link}">{{link}}</a></p>
<p>The link works once. Do not pass it on to anyone.</p>
<p>If you did not ask to reset your password, do not open this link: your password stays as it is. {{notMe}}</p>
`,
  ),
};
