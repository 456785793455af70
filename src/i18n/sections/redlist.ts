/** Messages of `<sel-redlist>`. */
import type { SectionMessages } from './types.js';

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

export const redlistEn: SectionMessages<typeof redlistFr> = {
  'redlist.title': 'Ex-directory (liste rouge)',
  'redlist.edit': 'Edit… (ex-directory)',
  'redlist.listed': "You appear in the university's public directory.",
  'redlist.redListed': "You are ex-directory (liste rouge): you do not appear in the university's public directory.",
  'redlist.question': 'Appear in the public directory',
  'redlist.yes': 'Yes',
  'redlist.no': 'No',
  'redlist.notice':
    "Under the French Data Protection Act of 6 January 1978 as amended and Article 21 of the GDPR (right to object), you may choose not to appear in the university's public directory, which anyone can consult on the Internet. When ex-directory, you stay visible in the internal directory, open only to authenticated members of the university, as the service requires.",
  'redlist.savedListed': 'Your choice is saved: you now appear in the public directory.',
  'redlist.savedRedListed': 'Your choice is saved: you no longer appear in the public directory.',
  'redlist.unchanged': 'Nothing changed: your choice is the same.',
  'redlist.currentValue': 'Choice saved at present: {value}.',
  'redlist.notEditable': 'Your ex-directory status cannot be changed here.',
};
