/**
 * Page-wide configuration set once by the portal with `configure()`. No DOM and no Lit here: adapters
 * read the CSRF token from it, elements read the adapter and message overrides.
 */
import type { SelAdapter } from './api/adapter.js';
import type { MessageOverrides } from './i18n/messages.js';

export type CsrfTokenSource = string | (() => string | null | undefined);

export interface SelConfig {
  /** Used by every element that has neither an `adapter` property nor an `api-base` attribute. */
  adapter?: SelAdapter;
  /** Base URL of the HTTP contract, when no `adapter` is configured (one shared `RestAdapter`). */
  apiBase?: string;
  /** Sent as `X-CSRF-Token` on every non-GET request of `RestAdapter`s without their own token. */
  csrfToken?: CsrfTokenSource;
  /** Replaces any user-visible string, per language. */
  messages?: MessageOverrides;
  /**
   * Origins other than the page's own (`https://sel.example.org`) that may receive the page's CSRF token
   * (from `csrfToken` here or `<meta name="csrf-token">`) and serve an `api-base` written in the page's
   * markup. Markup a portal lets others write (a comment, a CMS block) must not be able to send the
   * token, or a password, anywhere else.
   */
  allowedOrigins?: readonly string[];
}

type Listener = () => void;

let current: SelConfig = {};
const listeners = new Set<Listener>();

/**
 * Configures every element on the page. Later calls merge into earlier ones (message overrides merge
 * per language), and elements already on the page pick the change up.
 */
export function configure(config: SelConfig): void {
  const messages: MessageOverrides = { ...current.messages };
  for (const lang of ['fr', 'en'] as const) {
    const extra = config.messages?.[lang];
    if (extra) messages[lang] = { ...messages[lang], ...extra };
  }
  current = { ...current, ...config, messages };
  for (const listener of listeners) listener();
}

export function getConfig(): Readonly<SelConfig> {
  return current;
}

/** Subscribes to `configure()` calls; returns the unsubscribe function. */
export function onConfigChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Forgets every configuration: for tests, and for pages that tear down and set up again. */
export function resetConfig(): void {
  current = {};
  for (const listener of listeners) listener();
}
