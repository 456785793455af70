/**
 * French messages of `<sel-general-info>` that only its website form shows (the field's help, what is wrong
 * with an address, the suggestion, the removal step). They travel in the form's chunk
 * (elements/general-info/website-editing.ts) and join the French catalog when it arrives (i18n/catalogs.ts);
 * their English stays in general-info-en.ts, with the rest of the English catalog.
 */
export const generalInfoEditFr = {
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
