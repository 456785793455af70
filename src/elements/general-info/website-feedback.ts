/**
 * What the « Site web » field tells the person about their input: a problem found before any request, the
 * `https://` suggestion, or the server's own field error (a 422). One model for the three, so the field
 * shows them the same way: tied to the input, which is marked invalid.
 */
import type { SelError } from '../../api/errors.js';
import type { MessageKey } from '../../i18n/messages.js';
import { MAX_WEBSITE_LENGTH, type WebsiteCheck, type WebsiteProblem } from '../../validation/website.js';

export type WebsiteFeedback =
  | { kind: 'problem'; problem: WebsiteProblem }
  | { kind: 'suggestion'; value: string }
  | { kind: 'server'; code: string };

const PROBLEM_KEYS: Readonly<Record<WebsiteProblem, MessageKey>> = {
  invalid_url: 'generalInfo.website.error.invalid_url',
  unsupported_scheme: 'generalInfo.website.error.unsupported_scheme',
  no_host: 'generalInfo.website.error.no_host',
  credentials: 'generalInfo.website.error.credentials',
  too_long: 'generalInfo.website.error.too_long',
};

/**
 * What stops a value from being sent as it is, or `undefined` when it can be. A value to which `https://`
 * would have to be added is not sent: the person sees the suggestion and accepts it, because only they
 * know whether their site answers in https.
 */
export function feedbackFor(check: WebsiteCheck): WebsiteFeedback | undefined {
  if (!check.ok) return { kind: 'problem', problem: check.problem };
  if (check.suggested && check.value !== null) return { kind: 'suggestion', value: check.value };
  return undefined;
}

/** The server's field error on `website` from a 422, when it named one. */
export function feedbackFromServer(error: SelError | undefined): WebsiteFeedback | undefined {
  if (error?.kind !== 'validation') return undefined;
  const fieldError = error.fieldErrors?.find((candidate) => candidate.field === 'website');
  return fieldError ? { kind: 'server', code: fieldError.code } : undefined;
}

/** The sentence tied to the field. */
export function feedbackMessage(
  feedback: WebsiteFeedback,
  msg: (key: MessageKey, params?: Record<string, string | number>) => string,
): string {
  switch (feedback.kind) {
    case 'problem':
      return msg(PROBLEM_KEYS[feedback.problem], { max: MAX_WEBSITE_LENGTH });
    case 'suggestion':
      return msg('generalInfo.website.suggestion', { url: feedback.value });
    case 'server':
      // The server checks with the same codes as the client; a code we do not know still gets a sentence.
      return isWebsiteProblem(feedback.code)
        ? msg(PROBLEM_KEYS[feedback.code], { max: MAX_WEBSITE_LENGTH })
        : msg('generalInfo.website.error.server');
  }
}

function isWebsiteProblem(code: string): code is WebsiteProblem {
  return Object.hasOwn(PROBLEM_KEYS, code);
}
