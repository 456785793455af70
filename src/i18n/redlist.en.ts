/** The English of redlist.fr.ts: the same keys, or the build fails. */
import type { EnglishOf } from './messages.js';
import type { redlistFr } from './redlist.fr.js';

export const redlistEn: EnglishOf<typeof redlistFr> = {
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
