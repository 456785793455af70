import type { Language } from '../../i18n/messages.js';
import { normalizeLanguage } from '../../i18n/locale.js';

/**
 * The language of an element: its own `lang`, else the closest ancestor's (across shadow roots, since a
 * portal may host our element inside its own component), else `<html lang>`.
 */
export function resolveLanguage(element: Element): Language {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) {
      const lang = node.getAttribute('lang');
      // An empty lang means "unknown" in HTML: keep looking up, as the contract's order allows no other reading.
      if (lang) return normalizeLanguage(lang);
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return normalizeLanguage(document.documentElement.getAttribute('lang'));
}
