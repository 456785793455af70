import type { FrenchMessages } from './fr.js';

export type Language = 'fr' | 'en';
export const LANGUAGES: readonly Language[] = ['fr', 'en'];
export type MessageKey = keyof FrenchMessages;
export type Messages = { readonly [K in MessageKey]: string };
/** What `configure({ messages })` takes: any subset of keys, per language. */
export type MessageOverrides = { [L in Language]?: Partial<Messages> };

/** Fills `{name}` placeholders; a placeholder without a value stays visible rather than vanishing. */
export function formatMessage(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
