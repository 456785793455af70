/**
 * Everything the open password form needs and the collapsed section does not: the fields, the policy
 * checklist, the strength meter and its controller, the form's styles. One chunk, which
 * `<sel-password-change>` downloads when « Changer de mot de passe… » is hovered, focused or pressed, or at
 * once when the section must open on the form (see form-loader.ts).
 *
 * Its modules render with the Lit of lazy/lit.ts, which the entry hands over through `receiveLit`. The
 * form's French messages come with it (the element adds them to the French catalog before rendering).
 */
export { receiveLit } from '../lazy/lit.js';
export { STRENGTH_LEVELS } from './checklist-view.js';
export { renderPasswordForm } from './form-view.js';
export { adoptPasswordStyles } from './light-styles.js';
export { PasswordStrengthController } from './strength-controller.js';
export { blocksSubmit, buildChecklist, countedRules, isChecklistRule } from '../../validation/password-checklist.js';
export { passwordFormFr } from '../../i18n/sections/password-form.js';
