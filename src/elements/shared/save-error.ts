import { html, nothing, type TemplateResult } from 'lit';
import type { SelError } from '../../api/errors.js';
import type { MessageKey } from '../../i18n/messages.js';
import type { SaveFlow } from './save-flow.js';

/**
 * The form's alert for a failed save: the 429 countdown while it runs (also when the form is opened again
 * during the wait: « Valider » is disabled, and this says why), otherwise what `describe` says of the
 * failure, or nothing when it returns `undefined` (a failure the form shows beside its fields). Focused by
 * the element after a failed save, through its id.
 */
export function renderSaveError(
  flow: SaveFlow,
  msg: (key: MessageKey, params?: Record<string, string | number>) => string,
  describe: (error: SelError) => string | undefined,
): TemplateResult | typeof nothing {
  const error = flow.error;
  let text: TemplateResult | string | undefined;
  if (flow.retryInSeconds > 0 && (error === undefined || error.kind === 'rate_limited')) {
    // The countdown changes every second: announced once by the alert, not at every tick.
    text = html`<span aria-live="off">${msg('error.rateLimited', { seconds: flow.retryInSeconds })}</span>`;
  } else if (error && error.kind !== 'rate_limited') {
    text = describe(error);
  }
  if (text === undefined) return nothing;
  return html`<div class="message error" role="alert" part="message" tabindex="-1" id="save-error">${text}</div>`;
}
