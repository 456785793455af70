/**
 * Messages of `<sel-general-info>`. The affiliation labels follow the eduPerson and SupAnn vocabularies;
 * French uses the « (e) » inclusive form the other sections use.
 */
import type { SectionMessages } from './types.js';

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
  'generalInfo.website.edit': 'Modifier… (site web)',
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
  'generalInfo.website.help':
    'Adresse complète, commençant par https:// (ou http://). Laissez le champ vide pour supprimer votre site web.',
  'generalInfo.website.notEditable':
    'Votre site web ne peut pas être modifié ici : seul votre correspondant annuaire peut le changer.',
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
  'generalInfo.website.saved': 'Votre site web est enregistré : {url}.',
  'generalInfo.website.removed': 'Votre site web a été supprimé.',
  'generalInfo.website.unchanged': 'Aucune modification : votre site web est inchangé.',
  'generalInfo.website.conflict':
    "Votre compte a été modifié ailleurs entre-temps et vient d'être rechargé. Site web enregistré actuellement : {current}. Votre saisie est conservée dans le champ : validez à nouveau pour l'enregistrer.",
  'generalInfo.website.currentNone': 'aucun',
  'generalInfo.website.forbidden':
    "Vous n'êtes pas autorisé(e) à modifier votre site web ici. Pour le changer, contactez votre correspondant annuaire.",
  'generalInfo.website.forbiddenTyped': "L'adresse que vous avez saisie : {url}.",
};

export const generalInfoEn: SectionMessages<typeof generalInfoFr> = {
  'generalInfo.title': 'General information',
  'generalInfo.displayName': 'Name',
  'generalInfo.uid': 'Login',
  'generalInfo.mail': 'Email address',
  'generalInfo.affiliations': 'Affiliations',
  'generalInfo.primaryAffiliation': '{label} (primary affiliation)',
  'generalInfo.structures': 'Units',
  'generalInfo.jobTitle': 'Job title',
  'generalInfo.notGiven': 'Not given',
  'generalInfo.passwordChangedAt': 'Password last changed',
  'generalInfo.accountValidity': 'Account validity',
  'generalInfo.website.edit': 'Edit… (website)',
  'generalInfo.accountExpiresAt': 'Until {date}.',
  'generalInfo.accountRule': 'Your account stays valid for three months after you leave the university.',

  'generalInfo.affiliation.staff': 'Administrative or technical staff',
  'generalInfo.affiliation.faculty': 'Faculty (teaching and research)',
  'generalInfo.affiliation.employee': 'Employee of the university',
  'generalInfo.affiliation.student': 'Student',
  'generalInfo.affiliation.member': 'Member of the university',
  'generalInfo.affiliation.affiliate': 'Affiliate of the university',
  'generalInfo.affiliation.alum': 'Alumnus or alumna',
  'generalInfo.affiliation.researcher': 'Researcher',
  'generalInfo.affiliation.teacher': 'Teacher',
  'generalInfo.affiliation.emeritus': 'Emeritus professor',
  'generalInfo.affiliation.retired': 'Retired',
  'generalInfo.affiliation.library-walk-in': 'Library visitor',
  'generalInfo.affiliation.registered-reader': 'Registered library reader',

  'generalInfo.website.label': 'Website',
  'generalInfo.website.none': 'No website',
  'generalInfo.website.help':
    'Full address, starting with https:// (or http://). Leave the field empty to remove your website.',
  'generalInfo.website.notEditable':
    'Your website cannot be changed here: only your directory correspondent can change it.',
  'generalInfo.website.error.invalid_url':
    'This web address is not valid. Type it in full, for example https://www.example.org.',
  'generalInfo.website.error.unsupported_scheme': 'Only addresses starting with https:// or http:// are accepted.',
  'generalInfo.website.error.no_host':
    'The address must contain a full site name, with a dot (for example www.example.org).',
  'generalInfo.website.error.credentials':
    'The address must not contain a user name or password (text before “@”); an email address is not a website.',
  'generalInfo.website.error.too_long': 'This address is too long: {max} characters at most.',
  'generalInfo.website.error.server': 'The server refused this address. Check it, then save again.',
  'generalInfo.website.suggestion': 'The start of the address is missing. Did you mean {url}?',
  'generalInfo.website.useSuggestion': 'Use this address',
  'generalInfo.website.confirmRemoval':
    'The field is empty: your website {url} will be removed. Confirm the removal, or type an address.',
  'generalInfo.website.confirmRemovalButton': 'Confirm removal',
  'generalInfo.website.saved': 'Your website is saved: {url}.',
  'generalInfo.website.removed': 'Your website has been removed.',
  'generalInfo.website.unchanged': 'Nothing changed: your website is the same.',
  'generalInfo.website.conflict':
    'Your account was changed elsewhere in the meantime and has just been reloaded. Website saved at present: {current}. What you typed is kept in the field: save again to keep it.',
  'generalInfo.website.currentNone': 'none',
  'generalInfo.website.forbidden':
    'You are not allowed to change your website here. To change it, contact your directory correspondent.',
  'generalInfo.website.forbiddenTyped': 'The address you typed: {url}.',
};
