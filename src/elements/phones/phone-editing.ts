/**
 * Everything editing the numbers needs and viewing them does not: the phone rules and the form's row
 * logic, in one chunk that `<sel-phones>` downloads when editing starts (see loader.ts).
 */
import * as tools from '../../validation/phone.js';

export { tools };
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
