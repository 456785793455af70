/**
 * What a lazy part renders with (lazy/lit.ts): the entry's own Lit, handed over when the part has been
 * downloaded. Only what lazy parts use belongs here; each member is kept in the first module.
 */
import { css, html, nothing, unsafeCSS } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';

export const litKit = { html, nothing, css, unsafeCSS, ifDefined, live, repeat };

export type LitKit = typeof litKit;
