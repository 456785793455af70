/**
 * French messages of `<sel-phones>` that only its edit form shows (the rows, « Ajouter un numéro »,
 * « Supprimer », what is wrong with a number). They travel in the editing chunk with the phone rules
 * (elements/phones/phone-editing.ts) and join the French catalog when it arrives (i18n/catalogs.ts); their
 * English stays in phones-en.ts, with the rest of the English catalog.
 *
 * Every message about a number the person typed names a valid example (`{example}`, written the way the
 * element's region writes it), so that the fix is shown, not guessed.
 */
export const phonesEditFr = {
  'phones.help':
    "Saisissez chaque numéro comme vous l'écrivez, par exemple {example}. Un numéro d'un autre pays commence par + et l'indicatif du pays. Une ligne laissée vide est ignorée. {max} numéros au plus.",
  'phones.typeLabel': 'Type',
  'phones.typeLabelRow': 'du numéro {row}',
  'phones.numberLabel': 'Numéro {row} ({type})',
  'phones.add': 'Ajouter un numéro',
  'phones.maxReached': 'Vous avez atteint le maximum de {max} numéros : supprimez-en un pour en ajouter un autre.',
  'phones.remove': 'Supprimer',
  'phones.removeNamed': 'Supprimer le numéro {number} ({type})',
  'phones.removeEmpty': 'Supprimer la ligne {row}, vide ({type})',
  'phones.removed': 'Numéro {number} ({type}) retiré de la liste. Validez pour enregistrer la modification.',
  'phones.removedEmpty': 'Ligne vide retirée de la liste.',
  'phones.error.not_a_number':
    "Ce n'est pas un numéro de téléphone : utilisez des chiffres, avec si besoin des espaces, des points, des tirets et un + au début. Exemple de numéro valide : {example}.",
  'phones.error.too_short': 'Ce numéro est trop court : il manque des chiffres. Exemple de numéro valide : {example}.',
  'phones.error.too_long': 'Ce numéro est trop long : il a des chiffres en trop. Exemple de numéro valide : {example}.',
  'phones.error.invalid_for_region':
    "Ce numéro n'existe pas. Vérifiez les chiffres ; pour un numéro d'un autre pays, commencez par + et l'indicatif du pays. Exemple de numéro valide : {example}.",
  'phones.error.duplicate': "Ce numéro figure déjà dans la liste (numéro {row}) : supprimez l'une des deux lignes.",
  'phones.error.server':
    'Le serveur a refusé ce numéro. Vérifiez-le, puis validez à nouveau. Exemple de numéro valide : {example}.',
  'phones.error.tooMany': 'Vous pouvez enregistrer {max} numéros au plus : supprimez-en {extra}.',
  'phones.warning.mobile_as_fax':
    "Attention : ce numéro est celui d'un mobile, et son type est «\u00a0Fax\u00a0». Vérifiez le type ; vous pouvez tout de même valider.",
  'phones.warning.fixed_as_mobile':
    "Attention : ce n'est pas un numéro de mobile, et son type est «\u00a0Mobile\u00a0». Vérifiez le type ; vous pouvez tout de même valider.",
};
