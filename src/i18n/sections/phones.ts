/** Messages of `<sel-phones>`. */
import type { SectionMessages } from './types.js';

export const phonesFr = {};

export const phonesEn: SectionMessages<typeof phonesFr> = {};
