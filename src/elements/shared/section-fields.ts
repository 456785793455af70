import type { AccountField } from '../../contract/read-account.js';
import type { Section } from '../../contract/schemas.js';

/**
 * The account fields each section shows or edits. When the backend sends one of them in a shape the
 * contract does not know, that section says so and the others work as usual. `directoryContact` is in
 * none: without it the hint is shown without a link.
 */
export const FIELDS_OF_SECTION: Readonly<Record<Section, readonly AccountField[]>> = {
  website: [
    'uid',
    'displayName',
    'mail',
    'affiliations',
    'primaryAffiliation',
    'structures',
    'title',
    'website',
    'passwordChangedAt',
    'accountExpiresAt',
  ],
  phones: ['phones'],
  redList: ['redList'],
  password: ['uid', 'givenName', 'surname', 'passwordPolicy', 'passwordChangedAt'],
};
