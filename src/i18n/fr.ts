/**
 * The French catalog: the reference language, in the words of the university's own user guide
 * (« Modifier… », « Valider », « liste rouge », « correspondant annuaire »). `{name}` marks a parameter.
 * Each section keeps its French in sections/<name>.ts and its English beside it in sections/<name>-en.ts,
 * a module of its own so that French pages never download it.
 *
 * The open password form's French (sections/password-form.ts) is not in this object: it travels with the
 * form's code and is added when that arrives (catalogs.ts, `addFrenchMessages`). Its keys are in the type,
 * so that every message key is one `MessageKey`, and nothing shows them before the form's code is here.
 */
import { commonFr } from './sections/common.js';
import { generalInfoFr } from './sections/general-info.js';
import { passwordFr } from './sections/password.js';
import type { passwordFormFr } from './sections/password-form.js';
import { phonesFr } from './sections/phones.js';
import { redlistFr } from './sections/redlist.js';

const inFirstModule = {
  ...commonFr,
  ...generalInfoFr,
  ...phonesFr,
  ...redlistFr,
  ...passwordFr,
};

export const fr = inFirstModule as typeof inFirstModule & typeof passwordFormFr;
