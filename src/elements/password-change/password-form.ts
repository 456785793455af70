/**
 * Everything the open password form needs and the collapsed section does not: its state and handlers
 * (password-editor.ts), the fields, the policy checklist, the strength meter and its controller, the form's
 * styles. One chunk, which `<sel-password-change>` downloads when « Changer de mot de passe… » is hovered, focused or pressed, or at
 * once when the section must open on the form (see form-loader.ts).
 *
 * It imports nothing the first module has: its render functions and `adoptPasswordStyles` take the entry's
 * Lit as their first argument (shared/lit-kit.ts says why). The form's French messages come with it (the
 * element adds them to the French catalog before rendering).
 */
export { PasswordEditor } from './password-editor.js';
export { adoptPasswordStyles } from './light-styles.js';
