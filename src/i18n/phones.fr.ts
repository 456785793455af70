/**
 * Messages of `<sel-phones>`: the list, the edit form's rows, what is wrong with a number, how a save ended.
 */
export const phonesFr = {
  'phones.title': 'Téléphones',
  'phones.edit': 'Modifier… (numéros de téléphone)',
  'phones.type.office': 'Bureau',
  'phones.type.mobile': 'Mobile',
  'phones.type.fax': 'Fax',
  'phones.type.other': 'Autre',
  'phones.itemType': '{type} :',
  'phones.none': "Aucun numéro de téléphone n'est enregistré.",
  'phones.notEditable': 'Vos numéros de téléphone ne peuvent pas être modifiés ici.',
  'phones.toolsFailed':
    "La vérification des numéros n'a pas pu être chargée : vos numéros ne peuvent pas être modifiés pour l'instant. Vérifiez votre connexion, puis réessayez.",

  'phones.saved': 'Vos numéros de téléphone sont enregistrés.',
  'phones.savedNone': 'Vos numéros de téléphone ont été supprimés.',
  'phones.unchanged': 'Aucune modification : vos numéros de téléphone sont inchangés.',
  'phones.conflict':
    "Vos numéros ont été modifiés ailleurs entre-temps et viennent d'être rechargés. Numéros enregistrés actuellement : {current}. Votre saisie est conservée dans le formulaire : vérifiez-la, puis validez à nouveau.",
  'phones.currentNone': 'aucun',
  'phones.forbidden':
    "Vous n'êtes pas autorisé(e) à modifier vos numéros de téléphone ici. Pour les changer, contactez votre correspondant annuaire.",
  'phones.forbiddenTyped': 'Les numéros que vous avez saisis : {numbers}.',
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
