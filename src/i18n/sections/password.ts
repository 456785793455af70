/** Messages of `<sel-password-change>`. */
import type { SectionMessages } from './types.js';

export const passwordFr = {};

export const passwordEn: SectionMessages<typeof passwordFr> = {};
