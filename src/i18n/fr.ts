/**
 * The French catalog: the reference language, in the words of the university's own user guide
 * (« Modifier… », « Valider », « liste rouge », « correspondant annuaire »). `{name}` marks a parameter.
 * Each section keeps its French in sections/<name>.ts and its English beside it in sections/<name>-en.ts,
 * a module of its own so that French pages never download it.
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
