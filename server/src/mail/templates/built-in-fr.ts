/**
 * The mails in French, as the server sends them when no administrator's template replaces them. French
 * typography: a non-breaking space (\u00a0) before « : », inside « », so that no line starts with them.
 */
import { htmlDocument, STYLE } from './layout.js';
import type { MailKind, MailTemplate } from './template.js';

const FOOTER_TEXT = 'Message automatique de la page «\u00a0Mon compte\u00a0»\u00a0: merci de ne pas y répondre.';
const FOOTER_HTML = 'Message automatique de la page «&nbsp;Mon compte&nbsp;»&nbsp;: merci de ne pas y répondre.';

function mail(subject: string, text: string, body: string): MailTemplate {
  return {
    subject,
    text: `${text.trim()}\n\n-- \n${FOOTER_TEXT}\n`,
    html: htmlDocument('fr', subject, body, FOOTER_HTML),
  };
}

export const FRENCH: Readonly<Record<MailKind, MailTemplate>> = {
  'confirmation-code': mail(
    'Confirmez votre adresse de secours',
    `
Bonjour {{name}},

Vous avez indiqué cette adresse ({{address}}) comme adresse de secours de votre compte. Pour la confirmer, saisissez ce code sur la page «\u00a0Mon compte\u00a0»\u00a0:

    {{code}}

Ce code est valable {{minutes}}\u00a0minutes. Ne le communiquez à personne\u00a0: aucun service ne vous le demandera, ni par courriel ni par téléphone.

Si vous n'êtes pas à l'origine de cette demande, ne faites rien\u00a0: l'adresse ne sera pas ajoutée.
`,
    `
<p>Bonjour {{name}},</p>
<p>Vous avez indiqué cette adresse ({{address}}) comme adresse de secours de votre compte. Pour la confirmer, saisissez ce code sur la page «&nbsp;Mon compte&nbsp;»&nbsp;:</p>
<p style="${STYLE.code}">{{code}}</p>
<p>Ce code est valable {{minutes}}&nbsp;minutes. Ne le communiquez à personne&nbsp;: aucun service ne vous le demandera, ni par courriel ni par téléphone.</p>
<p>Si vous n'êtes pas à l'origine de cette demande, ne faites rien&nbsp;: l'adresse ne sera pas ajoutée.</p>
`,
  ),
  'password-changed': mail(
    'Votre mot de passe a été changé',
    `
Bonjour {{name}},

Le mot de passe de votre compte a été changé le {{date}}, depuis l'adresse IP {{clientAddress}}.

Si c'est vous, vous n'avez rien à faire.

{{notMe}}
`,
    `
<p>Bonjour {{name}},</p>
<p>Le mot de passe de votre compte a été changé le {{date}}, depuis l'adresse IP {{clientAddress}}.</p>
<p>Si c'est vous, vous n'avez rien à faire.</p>
<p><strong>{{notMe}}</strong></p>
`,
  ),
  'password-reset': mail(
    'Votre mot de passe a été réinitialisé',
    `
Bonjour {{name}},

Le mot de passe de votre compte a été réinitialisé avec un lien envoyé à votre adresse de secours, le {{date}}, depuis l'adresse IP {{clientAddress}}.

Si c'est vous, vous n'avez rien à faire.

{{notMe}}
`,
    `
<p>Bonjour {{name}},</p>
<p>Le mot de passe de votre compte a été réinitialisé avec un lien envoyé à votre adresse de secours, le {{date}}, depuis l'adresse IP {{clientAddress}}.</p>
<p>Si c'est vous, vous n'avez rien à faire.</p>
<p><strong>{{notMe}}</strong></p>
`,
  ),
  'address-removed': mail(
    'Adresse de secours retirée de votre compte',
    `
Bonjour {{name}},

Cette adresse ({{address}}) a été retirée des adresses de secours de votre compte le {{date}}, depuis l'adresse IP {{clientAddress}}. Elle ne recevra plus de lien pour réinitialiser votre mot de passe.

Si c'est vous, vous n'avez rien à faire.

{{notMe}}
`,
    `
<p>Bonjour {{name}},</p>
<p>Cette adresse ({{address}}) a été retirée des adresses de secours de votre compte le {{date}}, depuis l'adresse IP {{clientAddress}}. Elle ne recevra plus de lien pour réinitialiser votre mot de passe.</p>
<p>Si c'est vous, vous n'avez rien à faire.</p>
<p><strong>{{notMe}}</strong></p>
`,
  ),
  'reset-link': mail(
    'Réinitialiser votre mot de passe',
    `
Bonjour {{name}},

Pour choisir un nouveau mot de passe, ouvrez ce lien dans les {{minutes}}\u00a0minutes\u00a0:

{{link}}

Le lien ne sert qu'une fois. Ne le transmettez à personne.

Si vous n'avez pas demandé à réinitialiser votre mot de passe, n'ouvrez pas ce lien\u00a0: votre mot de passe reste le même. {{notMe}}
`,
    `
<p>Bonjour {{name}},</p>
<p>Pour choisir un nouveau mot de passe, ouvrez ce lien dans les {{minutes}}&nbsp;minutes&nbsp;:</p>
<p><a href="{{link}}" style="${STYLE.button}">Choisir un nouveau mot de passe</a></p>
<p style="${STYLE.small}">Si le bouton ne s'ouvre pas, copiez cette adresse dans votre navigateur&nbsp;: <a href="{{link}}" style="${STYLE.link}">{{link}}</a></p>
<p>Le lien ne sert qu'une fois. Ne le transmettez à personne.</p>
<p>Si vous n'avez pas demandé à réinitialiser votre mot de passe, n'ouvrez pas ce lien&nbsp;: votre mot de passe reste le même. {{notMe}}</p>
`,
  ),
};
