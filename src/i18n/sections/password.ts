/**
 * Messages of `<sel-password-change>`, in the words of the user guide's « Authentification » zone
 * (« Changer de mot de passe… ») and its advice: what the section says before its form's code is here. The
 * form's messages are in password-form.ts, which travels with that code. Counts come in a `.one` / `.other` pair.
 * No message ever receives a password as a parameter.
 */

export const passwordFr = {
  'password.title': 'Authentification',
  'password.advice':
    'Protégez votre compte par un mot de passe fort, changé régulièrement. Ne le communiquez à personne, et déconnectez-vous chaque fois que vous quittez votre poste de travail.',
  'password.changedAt': 'Dernier changement du mot de passe : {date}.',
  'password.expiresAt': 'Votre mot de passe expire le {date}.',
  'password.expiresSoon.one':
    'Votre mot de passe expire demain, le {date}. Changez-le dès maintenant pour ne pas perdre l’accès à vos services en ligne.',
  'password.expiresSoon.other':
    'Votre mot de passe expire dans {days} jours, le {date}. Changez-le avant cette date pour ne pas perdre l’accès à vos services en ligne.',
  'password.expired':
    'Votre mot de passe a expiré le {date}. Changez-le maintenant : tant que vous ne l’avez pas fait, vos services en ligne peuvent vous refuser l’accès.',
  'password.mustChange':
    'Votre mot de passe a été réinitialisé par un administrateur. Choisissez-en un nouveau, connu de vous seul(e), pour continuer à utiliser votre compte.',
  'password.open': 'Changer de mot de passe…',
  'password.formLoading': 'Chargement du formulaire de changement de mot de passe…',
  'password.formFailed':
    "Le formulaire de changement de mot de passe n'a pas pu être chargé. Vérifiez votre connexion, puis réessayez.",
  'password.notEditable':
    "Le mot de passe de ce compte est géré par un autre service : il ne peut pas être changé ici. Pour le changer, contactez l'assistance informatique de votre établissement.",
};
