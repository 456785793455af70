/**
 * Messages of `<sel-password-change>`, in the words of the user guide's « Authentification » zone (« Changer de mot de
 * passe… ») and its advice: the section, the form, the checklist, the strength meter, how a save ended. Counts come
 * in a `.one` / `.other` pair. No message ever receives a password as a parameter.
 */
export const passwordChangeFr = {
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
  'password.notEditable':
    "Le mot de passe de ce compte est géré par un autre service : il ne peut pas être changé ici. Pour le changer, contactez l'assistance informatique de votre établissement.",
  'password.formName': 'Changer de mot de passe',

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
  'password.checking': 'Vérification de la robustesse du mot de passe…',
  'password.savedAdvice':
    'Utilisez désormais le nouveau mot de passe partout où vous vous connectez avec votre compte, y compris sur vos appareils mobiles.',
  'password.close': 'Fermer',
  'password.error.notAllowed':
    "Le changement de mot de passe n'est pas autorisé pour votre compte depuis cette page. Contactez l'assistance informatique de votre établissement.",
  'password.error.locked':
    'Votre compte est temporairement verrouillé après plusieurs mots de passe incorrects. Vous pourrez réessayer à partir de {time} (dans {minutes} min environ) ; en cas de doute, contactez l’assistance informatique de votre établissement.',
  'password.error.lockedNoRetry':
    'Votre compte est verrouillé après plusieurs mots de passe incorrects. Réessayez plus tard ; si le verrouillage persiste, contactez l’assistance informatique de votre établissement.',
  'password.saved': 'Votre mot de passe a été changé.',
};
