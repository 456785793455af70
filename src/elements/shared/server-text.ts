/**
 * Text the server sends, as it is shown: bounded (a backend that answers with a megabyte of `detail` must
 * not make a megabyte of page) and isolated from the text around it, so that a right-to-left override
 * (U+202E) in a display name cannot reorder the words that follow it.
 */
import { html, type TemplateResult } from 'lit';

/** Longer than any display name, title, structure label or problem detail a directory holds. */
export const MAX_SHOWN_LENGTH = 500;

const FIRST_STRONG_ISOLATE = '\u2068';
const POP_DIRECTIONAL_ISOLATE = '\u2069';
/** The isolate controls: one inside the text could close our isolate early. */
const ISOLATE_CONTROLS = /[\u2066-\u2069]/g;

/** At most `max` code points, with an ellipsis when cut. */
export function bounded(text: string, max: number = MAX_SHOWN_LENGTH): string {
  if (text.length <= max) return text;
  const points = Array.from(text);
  return points.length <= max ? text : `${points.slice(0, max).join('')}…`;
}

/** For a message parameter: the text bounded and wrapped in Unicode isolate controls (FSI … PDI). */
export function isolatedText(text: string, max?: number): string {
  return FIRST_STRONG_ISOLATE + bounded(text.replace(ISOLATE_CONTROLS, ''), max) + POP_DIRECTIONAL_ISOLATE;
}

/** For a template: the text bounded, in a `<bdi>` (which isolates it and takes its direction from it). */
export function serverText(text: string, max?: number): TemplateResult {
  return html`<bdi>${bounded(text, max)}</bdi>`;
}
