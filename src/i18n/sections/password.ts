/**
 * Messages of `<sel-password-change>`, in the words of the user guide's « Authentification » zone
 * (« Changer de mot de passe… », « Ancien mot de passe », « Valider ») and its advice. Counts come in a
 * `.one` / `.other` pair; rule texts are list items under « Règles du nouveau mot de passe ».
 * No message ever receives a password as a parameter.
 */
import type { SectionMessages } from './types.js';

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
  'password.formName': 'Changer de mot de passe',
  'password.notEditable':
    "Le mot de passe de ce compte est géré par un autre service : il ne peut pas être changé ici. Pour le changer, contactez l'assistance informatique de votre établissement.",

  'password.username': 'Identifiant de connexion',
  'password.field.current': 'Ancien mot de passe',
  'password.field.new': 'Nouveau mot de passe',
  'password.field.confirm': 'Confirmation du nouveau mot de passe',
  'password.show': 'Afficher',
  'password.showWhich': 'le mot de passe ({field})',

  'password.rules.title': 'Règles du nouveau mot de passe',
  'password.rules.summary.one': '{met} règle sur {total} satisfaite.',
  'password.rules.summary.other': '{met} règles sur {total} satisfaites.',
  'password.rule.state.met': 'satisfaite',
  'password.rule.state.unmet': 'non satisfaite',
  'password.rule.state.pending': 'à vérifier',
  'password.rule.state.info': 'vérifiée par le serveur',
  /** After the rule's text, for screen readers: French puts a space before the colon, English does not. */
  'password.rule.stateSuffix': ' : {state}',
  'password.rule.too_short.one': 'Au moins 1 caractère',
  'password.rule.too_short.other': 'Au moins {count} caractères',
  'password.rule.too_long.one': 'Au plus 1 caractère',
  'password.rule.too_long.other': 'Au plus {count} caractères',
  'password.rule.missing_lower.one': 'Au moins une lettre minuscule',
  'password.rule.missing_lower.other': 'Au moins {count} lettres minuscules',
  'password.rule.missing_upper.one': 'Au moins une lettre majuscule',
  'password.rule.missing_upper.other': 'Au moins {count} lettres majuscules',
  'password.rule.missing_digit.one': 'Au moins un chiffre',
  'password.rule.missing_digit.other': 'Au moins {count} chiffres',
  'password.rule.missing_special.one':
    'Au moins un caractère spécial (ni lettre ni chiffre : ponctuation, symbole, espace)',
  'password.rule.missing_special.other':
    'Au moins {count} caractères spéciaux (ni lettres ni chiffres : ponctuation, symboles, espaces)',
  'password.rule.not_enough_classes.one':
    'Au moins un type de caractères parmi : minuscules, majuscules, chiffres, caractères spéciaux',
  'password.rule.not_enough_classes.other':
    'Au moins {count} types de caractères parmi : minuscules, majuscules, chiffres, caractères spéciaux',
  'password.rule.forbidden_chars': 'Aucun de ces caractères : {chars}',
  'password.rule.contains_personal_info': 'Ni votre identifiant, ni votre prénom, ni votre nom',
  'password.rule.low_entropy': 'Assez long et varié (au moins {count} bits d’entropie estimée)',
  'password.rule.too_weak': 'Une robustesse au moins «\u00a0{level}\u00a0» sur l’indicateur ci-dessous',
  'password.rule.in_history.one': 'Différent de votre ancien mot de passe',
  'password.rule.in_history.other': 'Différent de vos {count} derniers mots de passe',
  'password.rule.too_young': 'Votre mot de passe a été changé trop récemment : réessayez plus tard',
  'password.rule.breached': 'Ce mot de passe figure dans des fuites de données connues : choisissez-en un autre',
  'password.char.space': 'espace',

  'password.strength.label': 'Robustesse du nouveau mot de passe',
  'password.strength.0': 'Très faible',
  'password.strength.1': 'Faible',
  'password.strength.2': 'Moyen',
  'password.strength.3': 'Fort',
  'password.strength.4': 'Très fort',
  'password.strength.empty': 'Aucun mot de passe saisi',
  'password.strength.loading': "Chargement de l'indicateur de robustesse…",
  'password.strength.unavailable': 'Indicateur indisponible : le serveur vérifiera votre mot de passe.',
  'password.strength.summary': 'Robustesse : {level}.',

  'password.error.currentMissing': 'Saisissez votre ancien mot de passe.',
  'password.error.wrongCurrent':
    "L'ancien mot de passe saisi est incorrect. Vérifiez-le (majuscules, disposition du clavier), puis validez à nouveau.",
  'password.error.newMissing': 'Saisissez un nouveau mot de passe.',
  'password.error.rulesUnmet':
    'Ce mot de passe ne respecte pas encore toutes les règles : voyez celles marquées ✗ dans la liste «\u00a0Règles du nouveau mot de passe\u00a0».',
  'password.error.policy':
    'Le serveur a refusé ce nouveau mot de passe : voyez les règles marquées ✗ dans la liste «\u00a0Règles du nouveau mot de passe\u00a0».',
  'password.error.policyDetail': 'Le serveur a refusé ce nouveau mot de passe. Motif indiqué : {detail}',
  'password.error.policyNoReason':
    "Le serveur a refusé ce nouveau mot de passe sans en donner le motif. Choisissez-en un autre, ou contactez l'assistance informatique de votre établissement.",
  'password.error.confirmMissing': 'Saisissez à nouveau le nouveau mot de passe.',
  'password.error.mismatch': 'La confirmation ne correspond pas au nouveau mot de passe.',
  'password.error.notAllowed':
    "Le changement de mot de passe n'est pas autorisé pour votre compte depuis cette page. Contactez l'assistance informatique de votre établissement.",
  'password.error.locked':
    'Votre compte est temporairement verrouillé après plusieurs mots de passe incorrects. Vous pourrez réessayer à partir de {time} (dans {minutes} min environ) ; en cas de doute, contactez l’assistance informatique de votre établissement.',
  'password.error.lockedNoRetry':
    'Votre compte est verrouillé après plusieurs mots de passe incorrects. Réessayez plus tard ; si le verrouillage persiste, contactez l’assistance informatique de votre établissement.',
  'password.checking': 'Vérification de la robustesse du mot de passe…',
  'password.saved': 'Votre mot de passe a été changé.',
  'password.savedAdvice':
    'Utilisez désormais le nouveau mot de passe partout où vous vous connectez avec votre compte, y compris sur vos appareils mobiles.',
  'password.close': 'Fermer',
};

export const passwordEn: SectionMessages<typeof passwordFr> = {
  'password.title': 'Authentication',
  'password.advice':
    'Protect your account with a strong password, changed regularly. Never share it with anyone, and log out every time you leave your workstation.',
  'password.changedAt': 'Password last changed: {date}.',
  'password.expiresAt': 'Your password expires on {date}.',
  'password.expiresSoon.one':
    'Your password expires tomorrow, {date}. Change it now so that you keep access to your online services.',
  'password.expiresSoon.other':
    'Your password expires in {days} days, on {date}. Change it before then so that you keep access to your online services.',
  'password.expired':
    'Your password expired on {date}. Change it now: until you do, your online services may refuse you access.',
  'password.mustChange':
    'Your password was reset by an administrator. Choose a new one, known only to you, to go on using your account.',
  'password.open': 'Change password…',
  'password.formName': 'Change password',
  'password.notEditable':
    "This account's password is managed by another service: it cannot be changed here. To change it, contact your institution's IT help desk.",

  'password.username': 'Login',
  'password.field.current': 'Current password',
  'password.field.new': 'New password',
  'password.field.confirm': 'Confirm new password',
  'password.show': 'Show',
  'password.showWhich': 'password ({field})',

  'password.rules.title': 'Rules for the new password',
  'password.rules.summary.one': '{met} of {total} rules met.',
  'password.rules.summary.other': '{met} of {total} rules met.',
  'password.rule.state.met': 'met',
  'password.rule.state.unmet': 'not met',
  'password.rule.state.pending': 'to be checked',
  'password.rule.state.info': 'checked by the server',
  'password.rule.stateSuffix': ': {state}',
  'password.rule.too_short.one': 'At least 1 character',
  'password.rule.too_short.other': 'At least {count} characters',
  'password.rule.too_long.one': 'At most 1 character',
  'password.rule.too_long.other': 'At most {count} characters',
  'password.rule.missing_lower.one': 'At least one lowercase letter',
  'password.rule.missing_lower.other': 'At least {count} lowercase letters',
  'password.rule.missing_upper.one': 'At least one uppercase letter',
  'password.rule.missing_upper.other': 'At least {count} uppercase letters',
  'password.rule.missing_digit.one': 'At least one digit',
  'password.rule.missing_digit.other': 'At least {count} digits',
  'password.rule.missing_special.one':
    'At least one special character (neither letter nor digit: punctuation, symbol, space)',
  'password.rule.missing_special.other':
    'At least {count} special characters (neither letters nor digits: punctuation, symbols, spaces)',
  'password.rule.not_enough_classes.one':
    'At least one kind of character among: lowercase, uppercase, digits, special characters',
  'password.rule.not_enough_classes.other':
    'At least {count} kinds of characters among: lowercase, uppercase, digits, special characters',
  'password.rule.forbidden_chars': 'None of these characters: {chars}',
  'password.rule.contains_personal_info': 'Neither your login, nor your given name, nor your surname',
  'password.rule.low_entropy': 'Long and varied enough (at least {count} bits of estimated entropy)',
  'password.rule.too_weak': 'A strength of at least “{level}” on the meter below',
  'password.rule.in_history.one': 'Different from your current password',
  'password.rule.in_history.other': 'Different from your last {count} passwords',
  'password.rule.too_young': 'Your password was changed too recently: try again later',
  'password.rule.breached': 'This password appears in known data breaches: choose another one',
  'password.char.space': 'space',

  'password.strength.label': 'Strength of the new password',
  'password.strength.0': 'Very weak',
  'password.strength.1': 'Weak',
  'password.strength.2': 'Fair',
  'password.strength.3': 'Strong',
  'password.strength.4': 'Very strong',
  'password.strength.empty': 'No password typed',
  'password.strength.loading': 'Loading the strength meter…',
  'password.strength.unavailable': 'Meter unavailable: the server will check your password.',
  'password.strength.summary': 'Strength: {level}.',

  'password.error.currentMissing': 'Type your current password.',
  'password.error.wrongCurrent':
    'The current password you typed is wrong. Check it (caps lock, keyboard layout), then save again.',
  'password.error.newMissing': 'Type a new password.',
  'password.error.rulesUnmet':
    'This password does not meet every rule yet: see those marked ✗ in the list “Rules for the new password”.',
  'password.error.policy':
    'The server refused this new password: see the rules marked ✗ in the list “Rules for the new password”.',
  'password.error.policyDetail': 'The server refused this new password. Reason given: {detail}',
  'password.error.policyNoReason':
    "The server refused this new password without giving a reason. Choose another one, or contact your institution's IT help desk.",
  'password.error.confirmMissing': 'Type the new password again.',
  'password.error.mismatch': 'The confirmation does not match the new password.',
  'password.error.notAllowed':
    "Changing the password is not allowed for your account from this page. Contact your institution's IT help desk.",
  'password.error.locked':
    "Your account is temporarily locked after several wrong passwords. You can try again from {time} (in about {minutes} min); if in doubt, contact your institution's IT help desk.",
  'password.error.lockedNoRetry':
    "Your account is locked after several wrong passwords. Try again later; if it stays locked, contact your institution's IT help desk.",
  'password.checking': 'Checking the strength of the password…',
  'password.saved': 'Your password has been changed.',
  'password.savedAdvice':
    'From now on, use the new password wherever you log in with your account, including on your mobile devices.',
  'password.close': 'Close',
};
