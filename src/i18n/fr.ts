/**
 * The French catalog: the reference language, in the words of the university's own user guide
 * (« Modifier… », « Valider », « liste rouge », « correspondant annuaire »). `{name}` marks a parameter.
 * Each section keeps its French in sections/<name>.ts and its English beside it in sections/<name>-en.ts,
 * a module of its own so that French pages never download it. What only an edit form shows is in
 * sections/<name>-edit.ts: it travels in that form's chunk and joins this catalog when the chunk arrives
 * (catalogs.ts), so `fr` here is the first module's part. The open password form's French
 * (sections/password-form.ts) is such a part too.
 */
import { commonFr } from './sections/common.js';
import { generalInfoFr } from './sections/general-info.js';
import { passwordFr } from './sections/password.js';
import type { passwordFormFr } from './sections/password-form.js';
import { phonesFr } from './sections/phones.js';
import { redlistFr } from './sections/redlist.js';
import type { generalInfoEditFr } from './sections/general-info-edit.js';
import type { phonesEditFr } from './sections/phones-edit.js';

export const fr = {
  ...commonFr,
  ...generalInfoFr,
  ...phonesFr,
  ...redlistFr,
  ...passwordFr,
};

/** Every French message: the first module's and those of the edit forms' chunks. */
export type FrenchMessages = typeof fr & typeof generalInfoEditFr & typeof phonesEditFr & typeof passwordFormFr;
