import type { Account } from '../contract/schemas.js';

/** The demo account: a member of staff of a French university, as the SupAnn directory describes her. */
export const DEMO_PASSWORD = 'Poitiers-2026!';

export function demoAccount(): Account {
  return {
    uid: 'cmartin',
    displayName: 'Claire Martin',
    givenName: 'Claire',
    surname: 'Martin',
    mail: 'claire.martin@univ-exemple.fr',
    affiliations: ['staff', 'employee', 'member'],
    primaryAffiliation: 'staff',
    structures: [
      { code: 'IMED', label: 'I-médias — Service commun informatique et multimédia' },
      { code: 'DSI-RES', label: 'Pôle réseaux et systèmes' },
    ],
    title: 'Ingénieure systèmes',
    website: 'https://perso.univ-exemple.fr/cmartin',
    phones: [
      { type: 'office', number: '+33549454999' },
      { type: 'mobile', number: '+33612345678' },
    ],
    redList: false,
    passwordChangedAt: '2026-03-14T09:30:00Z',
    accountExpiresAt: null,
    directoryContact: {
      name: 'Correspondant annuaire de votre composante',
      email: 'annuaire@univ-exemple.fr',
    },
    editable: { website: true, phones: true, redList: true, password: true },
    passwordPolicy: {
      minLength: 12,
      maxLength: 64,
      minLower: 1,
      minUpper: 1,
      minDigit: 1,
      minSpecial: 1,
      forbiddenChars: '"\'\\',
      rejectPersonalInfo: true,
      minStrength: 3,
      historySize: 5,
    },
  };
}
