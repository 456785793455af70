/**
 * Everything editing the website needs and viewing it does not: the check of what a person types, what the
 * field says about it, and the form's markup, in one chunk that `<sel-general-info>` downloads when
 * « Modifier… » is hovered, focused or pressed (loader.ts). The markup renders with the entry's Lit, which
 * the element passes to `renderWebsiteForm`.
 */
export { checkWebsite } from '../../validation/website.js';
export { feedbackFor, feedbackFromServer, feedbackMessage } from './website-feedback.js';
export { renderWebsiteForm, type WebsiteFormState } from './website-form.js';
