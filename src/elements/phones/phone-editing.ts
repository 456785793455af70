/**
 * Everything editing the numbers needs and viewing them does not: the phone rules, the form's row logic
 * and its markup, in one chunk that `<sel-phones>` downloads when editing starts (see loader.ts). The
 * markup renders with the entry's Lit, which the element passes to `renderPhoneForm`.
 */
import * as tools from '../../validation/phone.js';

export { tools };
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
