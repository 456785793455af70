/**
 * The ids of one `<sel-password-change>`'s light-DOM form. They live in the page's id space (or its host
 * component's), so each element instance gets its own prefix: two elements on a page never collide, and
 * every `<label for>` and `aria-describedby` reaches its own input.
 */
import type { PasswordField } from './field-view.js';

export interface PasswordFormIds {
  username: string;
  input: Record<PasswordField, string>;
  error: Record<PasswordField, string>;
  rulesTitle: string;
  rules: string;
  strengthLabel: string;
  feedback: string;
  formError: string;
  saved: string;
}

let instances = 0;

export function nextPasswordFormIds(): PasswordFormIds {
  const prefix = `sel-password-change-${++instances}`;
  return {
    username: `${prefix}-username`,
    input: { current: `${prefix}-current`, new: `${prefix}-new`, confirm: `${prefix}-confirm` },
    error: { current: `${prefix}-current-error`, new: `${prefix}-new-error`, confirm: `${prefix}-confirm-error` },
    rulesTitle: `${prefix}-rules-title`,
    rules: `${prefix}-rules`,
    strengthLabel: `${prefix}-strength-label`,
    feedback: `${prefix}-strength-feedback`,
    formError: `${prefix}-form-error`,
    saved: `${prefix}-saved`,
  };
}
