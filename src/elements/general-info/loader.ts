/**
 * The one door to the website edit form (website-editing.ts): nothing imports it statically, so that the
 * view of `<sel-general-info>` never waits for it. The specifier is a literal so that Vite gives the form a
 * chunk of its own.
 */
import { lazyPart } from '../shared/lazy-part.js';
import type * as EditingModule from './website-editing.js';

export type WebsiteEditing = typeof EditingModule;

/**
 * Memoised: every `<sel-general-info>` of the page shares one download (shared/lazy-part.ts). The chunk's
 * French messages join the catalog before anyone renders its form.
 */
export const loadWebsiteEditing = lazyPart<WebsiteEditing>(async () => {
  return import('./website-editing.js');
});
