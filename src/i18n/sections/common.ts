/** Messages every section shares: actions, states, and what a failed request tells the person. */
import type { SectionMessages } from './types.js';

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

export const commonEn: SectionMessages<typeof commonFr> = {
  'common.edit': 'Edit…',
  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.retry': 'Retry',
  'common.loading': 'Loading your account information…',
  'common.saving': 'Saving…',
  'common.notConfigured':
    'This section is not configured: the portal must give the address of the service (api-base attribute).',
  'common.directoryHint': 'For information you cannot change yourself, contact your directory correspondent.',
  'common.directoryContactLink': 'Contact your directory correspondent',
  'common.loadFailed': 'Your account information could not be loaded.',
  'common.loadFailedElsewhere': 'Not loaded: see the message and the “Retry” button in the “{section}” section.',
  'error.network': 'The server cannot be reached. Check your connection, then try again.',
  'error.timeout': 'The server did not answer in time. Try again in a moment.',
  'error.unauthorized': 'Your session has expired. Log in to the portal again, then retry: what you typed is kept.',
  'error.forbidden': 'You are not allowed to change this information here.',
  'error.conflict':
    'Your account was changed elsewhere in the meantime. It has been reloaded; check your choice, then save again.',
  'error.validation': 'The server refused the value.',
  'error.rateLimited': 'Too many attempts. You can try again in {seconds} s.',
  'error.server': 'The service ran into an error. Try again later.',
  'error.invalidResponse':
    'The server sent an unexpected answer. Try again later; if the problem persists, contact the help desk.',
  'error.notConfigured': 'The service is not configured.',
  'error.missingVersion':
    'The server does not give the version of your account (ETag header): the change cannot be saved without risking overwriting another. What you typed is kept; if the problem persists, contact the help desk.',
  'common.partUnreadable':
    'The server sent this part of your account in an unexpected form: it cannot be shown. Try again later; if the problem persists, contact the help desk.',
};
