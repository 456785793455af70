/**
 * Everything editing the numbers needs and viewing them does not: the phone rules and the form's row
 * logic, in one chunk that `<sel-phones>` downloads when editing starts (see loader.ts).
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
