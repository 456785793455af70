/**
 * Messages of `<sel-general-info>`: the account for reading and the website form. The affiliation labels follow the
 * eduPerson and SupAnn vocabularies; French uses the « (e) » inclusive form the other sections use.
 */
export const generalInfoFr = {
  'generalInfo.title': 'Informations générales',
  'generalInfo.displayName': 'Nom',
  'generalInfo.uid': 'Identifiant de connexion (login)',
  'generalInfo.mail': 'Adresse électronique',
  'generalInfo.affiliations': 'Affiliations',
  'generalInfo.primaryAffiliation': '{label} (affiliation principale)',
  'generalInfo.structures': "Structures d'affectation",
  'generalInfo.jobTitle': 'Fonction',
  'generalInfo.notGiven': 'Non renseigné',
  'generalInfo.passwordChangedAt': 'Dernier changement du mot de passe',
  'generalInfo.accountValidity': 'Validité du compte',
  'generalInfo.accountExpiresAt': "Jusqu'au {date}.",
  'generalInfo.accountRule': "Votre compte reste valide trois mois après votre départ de l'université.",

  'generalInfo.affiliation.staff': 'Personnel administratif ou technique',
  'generalInfo.affiliation.faculty': 'Enseignant(e)-chercheur(se)',
  'generalInfo.affiliation.employee': "Employé(e) de l'établissement",
  'generalInfo.affiliation.student': 'Étudiant(e)',
  'generalInfo.affiliation.member': "Membre de l'établissement",
  'generalInfo.affiliation.affiliate': "Personne associée à l'établissement",
  'generalInfo.affiliation.alum': 'Ancien(ne) étudiant(e)',
  'generalInfo.affiliation.researcher': 'Chercheur(se)',
  'generalInfo.affiliation.teacher': 'Enseignant(e)',
  'generalInfo.affiliation.emeritus': 'Professeur(e) émérite',
  'generalInfo.affiliation.retired': 'Retraité(e)',
  'generalInfo.affiliation.library-walk-in': 'Visiteur(se) de bibliothèque',
  'generalInfo.affiliation.registered-reader': 'Lecteur(rice) inscrit(e) en bibliothèque',

  'generalInfo.website.label': 'Site web',
  'generalInfo.website.none': 'Aucun site web',
  'generalInfo.website.edit': 'Modifier… (site web)',
  'generalInfo.website.notEditable':
    'Votre site web ne peut pas être modifié ici : seul votre correspondant annuaire peut le changer.',
  'generalInfo.website.saved': 'Votre site web est enregistré : {url}.',
  'generalInfo.website.removed': 'Votre site web a été supprimé.',
  'generalInfo.website.unchanged': 'Aucune modification : votre site web est inchangé.',
  'generalInfo.website.conflict':
    "Votre compte a été modifié ailleurs entre-temps et vient d'être rechargé. Site web enregistré actuellement : {current}. Votre saisie est conservée dans le champ : validez à nouveau pour l'enregistrer.",
  'generalInfo.website.currentNone': 'aucun',
  'generalInfo.website.forbidden':
    "Vous n'êtes pas autorisé(e) à modifier votre site web ici. Pour le changer, contactez votre correspondant annuaire.",
  'generalInfo.website.forbiddenTyped': "L'adresse que vous avez saisie : {url}.",
  'generalInfo.website.help':
    'Adresse complète, commençant par https:// (ou http://). Laissez le champ vide pour supprimer votre site web.',
  'generalInfo.website.error.invalid_url':
    "Cette adresse web n'est pas valide. Saisissez-la en entier, par exemple https://www.exemple.fr.",
  'generalInfo.website.error.unsupported_scheme':
    'Seules les adresses commençant par https:// ou http:// sont acceptées.',
  'generalInfo.website.error.no_host':
    "L'adresse doit contenir un nom de site complet, avec un point (par exemple www.exemple.fr).",
  'generalInfo.website.error.credentials':
    "L'adresse ne doit contenir ni identifiant ni mot de passe (texte avant «\u00a0@\u00a0») ; une adresse électronique n'est pas un site web.",
  'generalInfo.website.error.too_long': 'Cette adresse est trop longue : {max} caractères au plus.',
  'generalInfo.website.error.server': 'Le serveur a refusé cette adresse. Vérifiez-la, puis validez à nouveau.',
  'generalInfo.website.suggestion': "Il manque le début de l'adresse. Vouliez-vous dire {url} ?",
  'generalInfo.website.useSuggestion': 'Utiliser cette adresse',
  'generalInfo.website.confirmRemoval':
    'Le champ est vide : votre site web {url} sera supprimé. Confirmez la suppression, ou saisissez une adresse.',
  'generalInfo.website.confirmRemovalButton': 'Confirmer la suppression',
};
