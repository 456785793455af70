/**
 * Messages every section shares: actions, states, and what a failed request tells the person.
 */
export const commonFr = {
  'common.edit': 'Modifier…',
  'common.save': 'Valider',
  'common.cancel': 'Annuler',
  'common.retry': 'Réessayer',
  'common.loading': 'Chargement des informations de votre compte…',
  'common.saving': 'Enregistrement en cours…',
  'common.notConfigured':
    "Cette section n'est pas configurée : le portail doit indiquer l'adresse du service (attribut api-base).",
  'common.directoryHint':
    'Pour les informations non modifiables individuellement, contactez votre correspondant annuaire.',
  'common.directoryContactLink': 'Contacter votre correspondant annuaire',
  'common.loadFailed': "Les informations de votre compte n'ont pas pu être chargées.",
  'common.loadFailedElsewhere':
    'Informations non chargées\u00a0: voyez le message et le bouton «\u00a0Réessayer\u00a0» de la section «\u00a0{section}\u00a0».',
  'common.logIn': 'Se connecter',
  'common.logInNeeded':
    "Vous devez vous connecter au service «\u00a0Mon compte\u00a0» pour voir ces informations. La connexion s'ouvre dans une nouvelle fenêtre.",
  'common.logInElsewhere':
    'Informations non chargées\u00a0: connectez-vous avec le bouton «\u00a0Se connecter\u00a0» de la section «\u00a0{section}\u00a0».',
  'error.network': 'Le serveur est injoignable. Vérifiez votre connexion, puis réessayez.',
  'error.timeout': "Le serveur n'a pas répondu à temps. Réessayez dans un instant.",
  'error.unauthorized':
    "Votre session a expiré. Reconnectez-vous à l'ENT, puis réessayez : votre saisie est conservée.",
  'error.forbidden': "Vous n'êtes pas autorisé(e) à modifier cette information ici.",
  'error.conflict':
    'Votre compte a été modifié ailleurs entre-temps. Les informations ont été rechargées ; vérifiez votre choix, puis validez à nouveau.',
  'error.validation': 'Le serveur a refusé la valeur saisie.',
  'error.rateLimited': 'Trop de tentatives. Vous pourrez réessayer dans {seconds} s.',
  'error.server': 'Le service a rencontré une erreur. Réessayez plus tard.',
  'error.invalidResponse':
    "Le serveur a envoyé une réponse inattendue. Réessayez plus tard ; si le problème persiste, contactez l'assistance.",
  'error.notConfigured': "Le service n'est pas configuré.",
  'error.missingVersion':
    "Le serveur n'indique pas la version de votre compte (en-tête ETag) : la modification ne peut pas être enregistrée sans risquer d'écraser une autre. Votre saisie est conservée ; si le problème persiste, contactez l'assistance.",
  'common.partUnreadable':
    "Le serveur a envoyé cette partie de votre compte sous une forme inattendue : elle ne peut pas être affichée. Réessayez plus tard ; si le problème persiste, contactez l'assistance.",
};
