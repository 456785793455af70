import type { Messages } from './messages.js';
import { commonEn } from './sections/common-en.js';
import { generalInfoEn } from './sections/general-info-en.js';
import { passwordEn } from './sections/password-en.js';
import { passwordFormEn } from './sections/password-form-en.js';
import { phonesEn } from './sections/phones-en.js';
import { redlistEn } from './sections/redlist-en.js';

/** The English catalog. Typed as `Messages`: a key missing here is a compile error. */
export const en: Messages = {
  ...commonEn,
  ...generalInfoEn,
  ...phonesEn,
  ...redlistEn,
  ...passwordEn,
  ...passwordFormEn,
};
