/** The English side of password.ts, in a module of its own: French pages never download it (catalogs.ts). */
import type { passwordFr } from './password.js';
import type { SectionMessages } from './types.js';

export const passwordEn: SectionMessages<typeof passwordFr> = {
  'password.title': 'Authentication',
  'password.advice':
    'Protect your account with a strong password, changed regularly. Never share it with anyone, and log out every time you leave your workstation.',
  'password.changedAt': 'Password last changed: {date}.',
  'password.expiresAt': 'Your password expires on {date}.',
  'password.expiresSoon.one':
    'Your password expires tomorrow, {date}. Change it now so that you keep access to your online services.',
  'password.expiresSoon.other':
    'Your password expires in {days} days, on {date}. Change it before then so that you keep access to your online services.',
  'password.expired':
    'Your password expired on {date}. Change it now: until you do, your online services may refuse you access.',
  'password.mustChange':
    'Your password was reset by an administrator. Choose a new one, known only to you, to go on using your account.',
  'password.open': 'Change password…',
  'password.formLoading': 'Loading the password change form…',
  'password.formFailed': 'The password change form could not be loaded. Check your connection, then try again.',
  'password.notEditable':
    "This account's password is managed by another service: it cannot be changed here. To change it, contact your institution's IT help desk.",
};
