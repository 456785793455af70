/**
 * What a lazy part renders with: the entry's own Lit, which the element passes as the first argument of
 * each of the part's render functions (`renderPhoneForm(litKit, state)`), the part's modules importing only
 * the `LitKit` type. Only what lazy parts use belongs here; each member is kept in the first module.
 *
 * Why a lazy part (a chunk downloaded on « Modifier… ») imports no Lit: in the standalone build, a chunk that
 * imported Lit would import it back from `./sel-widgets.js`. A portal that loads that file with a query
 * (`sel-widgets.js?v=2`, a common cache-buster) would then load the library a second time, with a second Lit
 * and a second Trusted Types policy. test/build/lazy-chunks.test.ts checks that no chunk of the standalone
 * build has an import.
 *
 * Why an argument rather than a module-level slot the entry fills once a part is downloaded: two parts
 * sharing such a module would share it as a chunk of its own, which both would import.
 */
import { css, html, nothing, unsafeCSS } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';

/** Spelled out: the declaration build cannot name the directives' classes that `typeof litKit` would hold. */
export interface LitKit {
  html: typeof html;
  nothing: typeof nothing;
  css: typeof css;
  unsafeCSS: typeof unsafeCSS;
  ifDefined: typeof ifDefined;
  live: typeof live;
  repeat: typeof repeat;
}

export const litKit: LitKit = { html, nothing, css, unsafeCSS, ifDefined, live, repeat };
