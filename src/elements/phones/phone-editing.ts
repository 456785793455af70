/**
 * Everything editing the numbers needs and viewing them does not: the phone rules, the form's row logic,
 * its state and handlers (phone-editor.ts) and its markup, in one chunk that `<sel-phones>` downloads when
 * editing starts (see loader.ts). The markup renders with the entry's Lit, which the element passes to the
 * editor it creates.
 */
import * as rules from '../../validation/phone.js';
import { remembered } from './remembered-rules.js';

/** The rules, with what every keystroke asks again of unchanged rows remembered (remembered-rules.ts). */
export const tools: typeof rules = {
  ...rules,
  parsePhone: remembered(rules.parsePhone),
  typeMismatch: remembered(rules.typeMismatch),
  exampleNumber: remembered(rules.exampleNumber),
};
export { phonesEditFr as frenchMessages } from '../../i18n/sections/phones-edit.js';
export { renderPhoneForm, type PhoneFormState } from './form-view.js';
export {
  MAX_PHONES,
  checkRows,
  excessCount,
  phonesToSave,
  placeServerErrors,
  rowsFromPhones,
  samePhones,
} from './rows.js';
export { formatOnLeave, formatWhileTyping } from './typing.js';
export { rowErrorMessage, rowWarningMessage } from './feedback.js';
export { PhoneEditor, type PhoneEditorHost } from './phone-editor.js';
