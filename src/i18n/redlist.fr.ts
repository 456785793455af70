/**
 * Messages of `<sel-redlist>`.
 */
export const redlistFr = {
  'redlist.title': 'Liste rouge',
  'redlist.edit': 'Modifier… (liste rouge)',
  'redlist.listed': "Vous apparaissez dans l'annuaire public de l'université.",
  'redlist.redListed':
    "Vous êtes inscrit(e) en liste rouge : vous n'apparaissez pas dans l'annuaire public de l'université.",
  'redlist.question': "Apparaître dans l'annuaire public",
  'redlist.yes': 'Oui',
  'redlist.no': 'Non',
  'redlist.notice':
    "Conformément à la loi Informatique et libertés du 6 janvier 1978 modifiée et à l'article 21 du RGPD (droit d'opposition), vous pouvez choisir de ne pas apparaître dans l'annuaire public de l'université, consultable par tous sur Internet. En liste rouge, vous restez visible dans l'annuaire interne, réservé aux personnes authentifiées de l'université, pour les besoins du service.",
  'redlist.savedListed': "Votre choix est enregistré : vous apparaissez désormais dans l'annuaire public.",
  'redlist.savedRedListed': "Votre choix est enregistré : vous n'apparaissez plus dans l'annuaire public.",
  'redlist.unchanged': 'Aucune modification : votre choix est inchangé.',
  'redlist.currentValue': 'Choix enregistré actuellement : {value}.',
  'redlist.notEditable': 'Votre inscription en liste rouge ne peut pas être modifiée ici.',
};
