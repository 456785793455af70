/**
 * The French catalog, whole: the reference language, in the words of the university's own user guide
 * (« Modifier… », « Valider », « liste rouge », « correspondant annuaire »), and the contract's default. It is in
 * the first module. Each element's messages are in <element>.fr.ts, their English in <element>.en.ts.
 * `{name}` marks a parameter.
 */
import { commonFr } from './common.fr.js';
import { generalInfoFr } from './general-info.fr.js';
import type { Messages } from './messages.js';
import { passwordChangeFr } from './password-change.fr.js';
import { phonesFr } from './phones.fr.js';
import { redlistFr } from './redlist.fr.js';

export const fr: Messages = { ...commonFr, ...generalInfoFr, ...phonesFr, ...redlistFr, ...passwordChangeFr };
