import type { SelErrorKind } from '../../api/errors.js';
import type { Section } from '../../contract/schemas.js';

export interface SelSavedDetail {
  section: Section;
}

export interface SelErrorDetail {
  section: Section;
  operation: 'load' | 'save';
  kind: SelErrorKind;
  status?: number;
  code?: string;
}

export type SelUnauthorizedDetail = Record<string, never>;

declare global {
  interface GlobalEventHandlersEventMap {
    'sel-saved': CustomEvent<SelSavedDetail>;
    'sel-error': CustomEvent<SelErrorDetail>;
    'sel-unauthorized': CustomEvent<SelUnauthorizedDetail>;
  }
}

/** Every event crosses shadow roots so that a portal can listen on `document`. */
export function emit<K extends 'sel-saved' | 'sel-error' | 'sel-unauthorized'>(
  target: EventTarget,
  type: K,
  detail: GlobalEventHandlersEventMap[K]['detail'],
): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
