import type { commonFr } from './common.fr.js';
import type { generalInfoFr } from './general-info.fr.js';
import type { passwordChangeFr } from './password-change.fr.js';
import type { phonesFr } from './phones.fr.js';
import type { redlistFr } from './redlist.fr.js';

export type Language = 'fr' | 'en';
export const LANGUAGES: readonly Language[] = ['fr', 'en'];
/** Every message's key: each element's French file is the reference its English file is checked against. */
export type MessageKey = keyof (typeof commonFr &
  typeof generalInfoFr &
  typeof phonesFr &
  typeof redlistFr &
  typeof passwordChangeFr);
export type Messages = { readonly [K in MessageKey]: string };
/** An element's English: exactly the keys of its French, so a missing or stray one is a type error. */
export type EnglishOf<French> = { readonly [K in keyof French]: string };
/** What `configure({ messages })` takes: any subset of keys, per language. */
export type MessageOverrides = { [L in Language]?: Partial<Messages> };

/** Fills `{name}` placeholders; a placeholder without a value stays visible rather than vanishing. */
export function formatMessage(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
