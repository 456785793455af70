import type { Language } from './messages.js';

/** `fr-FR` → `fr`, `EN` → `en`, anything else → `fr` (the contract's default). */
export function normalizeLanguage(tag: string | null | undefined): Language {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'en' ? 'en' : 'fr';
}
