/**
 * Styles of the parts of `<sel-password-change>` that live in the light DOM (the form, so that password
 * managers and `<label for>` reach the inputs). They travel with the element: the sheet is adopted into
 * the element's root (the document, or the shadow root of a portal component hosting it). Every selector
 * starts with the tag name, so nothing here leaks onto the page, and outweighs what a page writes for its own
 * forms: a first rule reverts everything the page may have said of the form's elements, the others set
 * what the form needs.
 *
 * The design tokens (`--_accent`...) come from the element's `:host` rule, inherited through the slot.
 */

/**
 * Every rule starts with this. `:not(#\#)` matches every element and weighs as much as an id, so rules a page
 * writes for its own forms (`#portal input`, `.content input[type='password']`, `form button`) lose to ours,
 * and the form looks the same on any portal. Custom properties and `!important` still reach it.
 */
const SCOPE = 'sel-password-change:not(#\\#)';

/**
 * Plain text for a constructed sheet, parsed the first time a form opens. The notes on its rules are
 * comments here rather than in the text, which every page downloads.
 */
const LIGHT_STYLES =
  // First, and as heavy as the rules below: whatever the page says of inputs, labels, buttons, lists or
  // paragraphs is undone here, and the rules that follow say everything.
  `
${SCOPE} > .sel-pc-container,
${SCOPE} .sel-pc-form,
${SCOPE} .sel-pc-form * {
  all: revert;
}
${SCOPE} > .sel-pc-container {
  display: block;
}
${SCOPE} .sel-pc-form {
  display: block;
  margin: 0;
  padding: 0;
  border: 0;
  background: none;
  font: inherit;
  color: inherit;
  text-align: start;
}
${SCOPE} .sel-pc-form *,
${SCOPE} .sel-pc-form *::before,
${SCOPE} .sel-pc-form *::after {
  box-sizing: border-box;
}
` +
  // :where() keeps this reset at the weight of one class, so the classed rules below it (field errors,
  // messages, the rules title) win by coming later; with the tag names counted it outweighed them all.
  `
${SCOPE} .sel-pc-form :where(p, ul, li) {
  margin: 0;
  padding: 0;
  font: inherit;
  color: inherit;
}
${SCOPE} .sel-pc-field {
  display: block;
  margin: 0 0 calc(var(--_space, 1rem) * 0.75);
}
${SCOPE} .sel-pc-label {
  display: block;
  margin: 0 0 0.25rem;
  font-weight: 600;
  font-size: inherit;
  color: inherit;
}
${SCOPE} .sel-pc-control {
  display: flex;
  flex-wrap: wrap;
  gap: 0.5rem;
  align-items: stretch;
  max-width: 36rem;
}
${SCOPE} input.sel-pc-input {
  display: block;
  flex: 1 1 14rem;
  width: auto;
  min-width: 0;
  min-height: 2.5rem;
  margin: 0;
  padding: 0.4rem 0.6rem;
  font: inherit;
  color: var(--sel-color-text, #1b1b1b);
  background: var(--_surface, #ffffff);
  border: 1px solid var(--_border, #767676);
  border-radius: var(--_radius, 4px);
  box-shadow: none;
  opacity: 1;
  visibility: visible;
}
${SCOPE} input.sel-pc-input[aria-invalid='true'] {
  border: 2px solid var(--_error, #ce0500);
}
${SCOPE} button.sel-pc-button {
  display: inline-block;
  margin: 0;
  font: inherit;
  line-height: 1.2;
  cursor: pointer;
  border-radius: var(--_radius, 4px);
  padding: 0.4rem 0.9rem;
  min-height: 2.5rem;
  border: 1px solid var(--_accent, #000091);
  background: var(--_surface, #ffffff);
  color: var(--_accent, #000091);
  text-transform: none;
}
${SCOPE} button.sel-pc-button.sel-pc-confirm {
  background: var(--_confirm, #18753c);
  border-color: var(--_confirm, #18753c);
  color: var(--_confirm-text, #ffffff);
  font-weight: 600;
}
${SCOPE} button.sel-pc-button:disabled,
${SCOPE} button.sel-pc-button[aria-disabled='true'] {
  cursor: not-allowed;
  opacity: 0.6;
}
` +
  // Pressed is shown by a filled button and the field turning to plain text, not by colour alone.
  `
${SCOPE} button.sel-pc-toggle[aria-pressed='true'] {
  background: var(--_accent, #000091);
  color: var(--_surface, #ffffff);
  text-decoration: underline;
}
${SCOPE} .sel-pc-form :focus-visible {
  outline: 3px solid var(--_focus, #0a76f6);
  outline-offset: 2px;
}
${SCOPE} .sel-pc-actions {
  display: flex;
  flex-wrap: wrap;
  gap: 0.5rem;
  margin-top: calc(var(--_space, 1rem) * 0.75);
}
${SCOPE} .sel-pc-message {
  display: block;
  margin: calc(var(--_space, 1rem) * 0.5) 0;
  padding: 0.5rem 0.75rem;
  border-left: 4px solid transparent;
}
` +
  // Empty, it takes no room but stays in the accessibility tree: a live region must exist before its words.
  `
${SCOPE} .sel-pc-message:empty {
  margin: 0;
  padding: 0;
  border: 0;
}
${SCOPE} .sel-pc-error {
  border-left-color: var(--_error, #ce0500);
  color: var(--_error, #ce0500);
  background: var(--sel-color-error-background, #fff4f3);
}
${SCOPE} .sel-pc-success {
  border-left-color: var(--_success, #18753c);
  color: var(--_success, #18753c);
  background: var(--sel-color-success-background, #f0faf3);
}
${SCOPE} .sel-pc-field-error {
  display: block;
  margin: 0.25rem 0 0;
  color: var(--_error, #ce0500);
  font-weight: 600;
}
${SCOPE} .sel-pc-field-error:empty {
  margin: 0;
}
${SCOPE} .sel-pc-muted {
  color: var(--_muted, #525252);
}
${SCOPE} .sel-pc-rules {
  margin: 0 0 calc(var(--_space, 1rem) * 0.75);
  max-width: 36rem;
}
${SCOPE} .sel-pc-rules-title {
  font-weight: 600;
  margin-bottom: 0.25rem;
}
${SCOPE} ul.sel-pc-rule-list {
  list-style: none;
}
${SCOPE} li.sel-pc-rule {
  display: flex;
  gap: 0.5rem;
  align-items: baseline;
  padding: 0.125rem 0;
}
${SCOPE} .sel-pc-rule-icon {
  flex: none;
  width: 1.25em;
  text-align: center;
  font-weight: 700;
}
${SCOPE} li.sel-pc-rule[data-state='met'] .sel-pc-rule-icon {
  color: var(--_success, #18753c);
}
${SCOPE} li.sel-pc-rule[data-state='unmet'] .sel-pc-rule-icon {
  color: var(--_error, #ce0500);
}
${SCOPE} li.sel-pc-rule[data-state='pending'],
${SCOPE} li.sel-pc-rule[data-state='info'] {
  color: var(--_muted, #525252);
}
${SCOPE} .sel-pc-strength {
  margin: 0 0 calc(var(--_space, 1rem) * 0.75);
  max-width: 36rem;
}
${SCOPE} .sel-pc-strength-line {
  display: flex;
  flex-wrap: wrap;
  gap: 0.25rem 0.75rem;
  align-items: center;
}
${SCOPE} .sel-pc-strength-label {
  font-weight: 600;
}
${SCOPE} .sel-pc-meter {
  display: block;
  flex: 1 1 8rem;
  height: 0.5rem;
  min-width: 8rem;
  border: 1px solid var(--_border, #767676);
  border-radius: 999px;
  background: var(--_surface, #ffffff);
  overflow: hidden;
}
${SCOPE} .sel-pc-meter-bar {
  display: block;
  height: 100%;
  width: 0;
  background: var(--_border, #767676);
}
` +
  // Widths in steps, never colour alone: the word beside the meter says the same.
  `
${SCOPE} .sel-pc-meter-bar[data-score='0'] {
  width: 10%;
  background: var(--_error, #ce0500);
}
${SCOPE} .sel-pc-meter-bar[data-score='1'] {
  width: 30%;
  background: var(--_error, #ce0500);
}
${SCOPE} .sel-pc-meter-bar[data-score='2'] {
  width: 55%;
  background: var(--sel-color-warning, #b34000);
}
${SCOPE} .sel-pc-meter-bar[data-score='3'] {
  width: 80%;
  background: var(--_success, #18753c);
}
${SCOPE} .sel-pc-meter-bar[data-score='4'] {
  width: 100%;
  background: var(--_success, #18753c);
}
${SCOPE} .sel-pc-feedback {
  margin-top: 0.25rem;
  color: var(--_muted, #525252);
}
${SCOPE} ul.sel-pc-feedback-list {
  list-style: disc;
  padding-inline-start: 1.25rem;
}
` +
  // Out of sight but still in the page, for screen readers and for password managers.
  `
${SCOPE} .sel-pc-visually-hidden {
  position: absolute;
  width: 1px;
  height: 1px;
  padding: 0;
  margin: -1px;
  overflow: hidden;
  clip: rect(0, 0, 0, 0);
  white-space: nowrap;
  border: 0;
}
@media (prefers-reduced-motion: no-preference) {
  ${SCOPE} .sel-pc-meter-bar {
    transition: width 0.2s;
  }
}
@media (forced-colors: active) {
  ${SCOPE} .sel-pc-meter-bar {
    background: CanvasText;
  }
}
`;

let sharedSheet: CSSStyleSheet | undefined;

/**
 * Adds the light-DOM sheet to `root` (a document or a shadow root) unless it is already there: one
 * constructed sheet for the whole page. Checked against the root's current list rather than remembered,
 * since a page may replace its adopted sheets.
 */
export function adoptPasswordStyles(root: Node): void {
  if (!(root instanceof Document) && !(root instanceof ShadowRoot)) return;
  if (!sharedSheet) {
    sharedSheet = new CSSStyleSheet();
    sharedSheet.replaceSync(LIGHT_STYLES);
  }
  if (root.adoptedStyleSheets.includes(sharedSheet)) return;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sharedSheet];
}
