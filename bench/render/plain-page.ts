/**
 * The baseline the elements are compared with: the same four sections as a plain server-rendered HTML page,
 * the account written into the markup and every edit a static form (the same fields, no script at all).
 * This is what a portal without components would send; its cost is one HTML document.
 */
import type { Account } from '../../src/contract/schemas.js';

const PHONE_TYPES: Record<string, string> = { office: 'Bureau', mobile: 'Mobile', fax: 'Fax', other: 'Autre' };

function text(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function generalInfo(account: Account): string {
  const rows: [string, string][] = [
    ['Nom', account.displayName],
    ['Identifiant', account.uid],
    ['Courriel', account.mail ?? ''],
    ['Affiliations', account.affiliations.join(', ')],
    ['Structures', account.structures.map((structure) => structure.label).join(', ')],
    ['Fonction', account.title ?? ''],
  ];
  const contact = account.directoryContact;
  return `<section aria-labelledby="gi"><h2 id="gi">Informations générales</h2>
<dl>${rows.map(([term, value]) => `<dt>${term}</dt><dd>${text(value)}</dd>`).join('')}</dl>
<form method="post" action="/account/website">
<label for="website">Site web</label>
<input id="website" name="website" type="url" value="${text(account.website ?? '')}">
<button type="submit">Valider</button></form>
<p>Pour modifier les autres informations, contactez ${text(contact?.name ?? '')}
<a href="mailto:${text(contact?.email ?? '')}">${text(contact?.email ?? '')}</a>.</p></section>`;
}

function phones(account: Account): string {
  const rows = account.phones.map(
    (phone, index) => `<p><label for="phone-${index}">${PHONE_TYPES[phone.type] ?? phone.type}</label>
<select name="type-${index}">${Object.entries(PHONE_TYPES)
      .map(([value, label]) => `<option value="${value}"${value === phone.type ? ' selected' : ''}>${label}</option>`)
      .join('')}</select>
<input id="phone-${index}" name="number-${index}" type="tel" autocomplete="tel" value="${text(phone.number)}">
<button type="submit" name="remove" value="${index}">Supprimer</button></p>`,
  );
  return `<section aria-labelledby="ph"><h2 id="ph">Téléphones</h2>
<form method="post" action="/account/phones">${rows.join('')}
<button type="submit" name="add" value="1">Ajouter un numéro</button>
<button type="submit">Valider</button></form></section>`;
}

function redList(account: Account): string {
  return `<section aria-labelledby="rl"><h2 id="rl">Liste rouge</h2>
<form method="post" action="/account/redlist"><fieldset><legend>Apparaître dans l'annuaire public</legend>
<label><input type="radio" name="public" value="yes"${account.redList ? '' : ' checked'}> Oui</label>
<label><input type="radio" name="public" value="no"${account.redList ? ' checked' : ''}> Non</label></fieldset>
<p>Conformément à la loi Informatique et libertés et à l'article 21 du RGPD, vous pouvez vous opposer à la
diffusion de vos coordonnées dans l'annuaire public.</p>
<button type="submit">Valider</button></form></section>`;
}

function password(account: Account): string {
  const policy = account.passwordPolicy;
  return `<section aria-labelledby="pw"><h2 id="pw">Authentification</h2>
<form method="post" action="/account/password">
<input type="text" name="username" autocomplete="username" value="${text(account.uid)}" hidden>
<p><label for="current">Ancien mot de passe</label>
<input id="current" name="currentPassword" type="password" autocomplete="current-password" required></p>
<p><label for="new">Nouveau mot de passe</label>
<input id="new" name="newPassword" type="password" autocomplete="new-password" required></p>
<p><label for="confirm">Confirmation du nouveau mot de passe</label>
<input id="confirm" name="confirmPassword" type="password" autocomplete="new-password" required></p>
<ul><li>${policy.minLength} caractères au moins, ${policy.maxLength} au plus</li>
<li>une minuscule, une majuscule, un chiffre et un caractère spécial</li>
<li>ni votre identifiant ni votre nom</li></ul>
<button type="submit">Valider</button></form></section>`;
}

export function plainPage(account: Account): string {
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Mon compte</title></head>
<body><main><h1>Mon compte</h1>
${generalInfo(account)}
${phones(account)}
${redList(account)}
${password(account)}
</main></body></html>`;
}
