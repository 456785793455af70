/**
 * The English catalog, whole, in a chunk of its own (catalogs.ts imports it on demand): French pages, the usual
 * case, never download it. Named apart from the English password dictionary, whose chunk is `en`.
 */
import { commonEn } from './common.en.js';
import { generalInfoEn } from './general-info.en.js';
import type { Messages } from './messages.js';
import { passwordChangeEn } from './password-change.en.js';
import { phonesEn } from './phones.en.js';
import { redlistEn } from './redlist.en.js';

export const en: Messages = { ...commonEn, ...generalInfoEn, ...phonesEn, ...redlistEn, ...passwordChangeEn };
