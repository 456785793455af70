/**
 * Messages of `<sel-phones>` in the first module: the view and what a save ends with. Those only the edit
 * form shows are in phones-edit.ts.
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
};
