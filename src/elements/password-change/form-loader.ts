/**
 * The one door to the password form's code (password-form.ts): nothing imports it statically, so that the
 * collapsed section is all a page downloads until the person reaches for « Changer de mot de passe… ».
 * The form renders with the entry's Lit, which the element passes to each of its calls (shared/lit-kit.ts).
 */
import { lazyPart } from '../shared/lazy-part.js';
import type * as PasswordFormModule from './password-form.js';

export type PasswordForm = typeof PasswordFormModule;

export const loadPasswordForm = lazyPart<PasswordForm>(() => import('./password-form.js'));
