/**
 * What a lazy part renders with (lazy/lit.ts): the entry's own Lit, handed over when the part has been
 * downloaded. Only what lazy parts use belongs here; each member is kept in the first module.
 */
import { css, html, nothing, unsafeCSS } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';

/** Spelled out rather than inferred: the declaration build cannot name the directives' inferred types. */
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
