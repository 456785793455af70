/**
 * The French catalog: the reference language, in the words of the university's own user guide
 * (« Modifier… », « Valider », « liste rouge », « correspondant annuaire »). `{name}` marks a parameter.
 * Each section keeps its French and English side by side in sections/.
 */
import { commonFr } from './sections/common.js';
import { generalInfoFr } from './sections/general-info.js';
import { passwordFr } from './sections/password.js';
import { phonesFr } from './sections/phones.js';
import { redlistFr } from './sections/redlist.js';

export const fr = {
  ...commonFr,
  ...generalInfoFr,
  ...phonesFr,
  ...redlistFr,
  ...passwordFr,
};
