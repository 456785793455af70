/**
 * The Lit that a lazy part renders with. Every module that belongs only to a lazy part (a chunk downloaded
 * on « Modifier… ») imports `html`, `nothing` and the directives from here, never from 'lit'.
 *
 * Why: in the standalone build, a lazy chunk that imported Lit would import it back from `./sel-widgets.js`.
 * A portal that loads that file with a query (`sel-widgets.js?v=2`, a common cache-buster) would then load
 * the library a second time, with a second Lit and a second Trusted Types policy. So the chunk imports
 * nothing: the entry hands its own Lit over (shared/lazy-part.ts, `lazyLitPart`) before calling into the part.
 *
 * These bindings are empty until then, so a lazy module must not use them while it is being evaluated (no
 * template or `css` at the top level): build them inside functions. test/build/lazy-chunks.test.ts checks
 * that no chunk of the standalone build has an import.
 */
import type { LitKit } from '../shared/lit-kit.js';

// Live bindings, filled once by receiveLit.
export let html: LitKit['html'];
export let nothing: LitKit['nothing'];
export let css: LitKit['css'];
export let unsafeCSS: LitKit['unsafeCSS'];
export let ifDefined: LitKit['ifDefined'];
export let live: LitKit['live'];
export let repeat: LitKit['repeat'];

/** Called by the entry once the part is downloaded, before anything renders with it. */
export function receiveLit(kit: LitKit): void {
  ({ html, nothing, css, unsafeCSS, ifDefined, live, repeat } = kit);
}

/** What a lazy part's root module exports so that `lazyLitPart` can hand it Lit. */
export type LitReceiver = { receiveLit: typeof receiveLit };
