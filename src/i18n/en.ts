import type { Messages } from './messages.js';
import { commonEn } from './sections/common.js';
import { generalInfoEn } from './sections/general-info.js';
import { passwordEn } from './sections/password.js';
import { phonesEn } from './sections/phones.js';
import { redlistEn } from './sections/redlist.js';

/** The English catalog. Typed as `Messages`: a key missing here is a compile error. */
export const en: Messages = {
  ...commonEn,
  ...generalInfoEn,
  ...phonesEn,
  ...redlistEn,
  ...passwordEn,
};
