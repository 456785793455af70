/** The English of password-change.fr.ts: the same keys, or the build fails. */
import type { EnglishOf } from './messages.js';
import type { passwordChangeFr } from './password-change.fr.js';

export const passwordChangeEn: EnglishOf<typeof passwordChangeFr> = {
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
  'password.notEditable':
    "This account's password is managed by another service: it cannot be changed here. To change it, contact your institution's IT help desk.",
  'password.formName': 'Change password',

  'password.username': 'Login',
  'password.field.current': 'Current password',
  'password.field.new': 'New password',
  'password.field.confirm': 'Confirm new password',
  'password.show': 'Show',
  'password.showWhich': 'password ({field})',

  'password.rules.title': 'Rules for the new password',
  'password.rules.summary.one': '{met} of {total} rules met.',
  'password.rules.summary.other': '{met} of {total} rules met.',
  'password.rule.state.met': 'met',
  'password.rule.state.unmet': 'not met',
  'password.rule.state.pending': 'to be checked',
  'password.rule.state.info': 'checked by the server',
  'password.rule.stateSuffix': ': {state}',
  'password.rule.too_short.one': 'At least 1 character',
  'password.rule.too_short.other': 'At least {count} characters',
  'password.rule.too_long.one': 'At most 1 character',
  'password.rule.too_long.other': 'At most {count} characters',
  'password.rule.missing_lower.one': 'At least one lowercase letter',
  'password.rule.missing_lower.other': 'At least {count} lowercase letters',
  'password.rule.missing_upper.one': 'At least one uppercase letter',
  'password.rule.missing_upper.other': 'At least {count} uppercase letters',
  'password.rule.missing_digit.one': 'At least one digit',
  'password.rule.missing_digit.other': 'At least {count} digits',
  'password.rule.missing_special.one':
    'At least one special character (neither letter nor digit: punctuation, symbol, space)',
  'password.rule.missing_special.other':
    'At least {count} special characters (neither letters nor digits: punctuation, symbols, spaces)',
  'password.rule.not_enough_classes.one':
    'At least one kind of character among: lowercase, uppercase, digits, special characters',
  'password.rule.not_enough_classes.other':
    'At least {count} kinds of characters among: lowercase, uppercase, digits, special characters',
  'password.rule.forbidden_chars': 'None of these characters: {chars}',
  'password.rule.contains_personal_info': 'Neither your login, nor your given name, nor your surname',
  'password.rule.low_entropy': 'Long and varied enough (at least {count} bits of estimated entropy)',
  'password.rule.too_weak': 'A strength of at least “{level}” on the meter below',
  'password.rule.in_history.one': 'Different from your current password',
  'password.rule.in_history.other': 'Different from your last {count} passwords',
  'password.rule.too_young': 'Your password was changed too recently: try again later',
  'password.rule.breached': 'This password appears in known data breaches: choose another one',
  'password.char.space': 'space',

  'password.strength.label': 'Strength of the new password',
  'password.strength.0': 'Very weak',
  'password.strength.1': 'Weak',
  'password.strength.2': 'Fair',
  'password.strength.3': 'Strong',
  'password.strength.4': 'Very strong',
  'password.strength.empty': 'No password typed',
  'password.strength.loading': 'Loading the strength meter…',
  'password.strength.unavailable': 'Meter unavailable: the server will check your password.',
  'password.strength.summary': 'Strength: {level}.',

  'password.error.currentMissing': 'Type your current password.',
  'password.error.wrongCurrent':
    'The current password you typed is wrong. Check it (caps lock, keyboard layout), then save again.',
  'password.error.newMissing': 'Type a new password.',
  'password.error.rulesUnmet':
    'This password does not meet every rule yet: see those marked ✗ in the list “Rules for the new password”.',
  'password.error.policy':
    'The server refused this new password: see the rules marked ✗ in the list “Rules for the new password”.',
  'password.error.policyDetail': 'The server refused this new password. Reason given: {detail}',
  'password.error.policyNoReason':
    "The server refused this new password without giving a reason. Choose another one, or contact your institution's IT help desk.",
  'password.error.confirmMissing': 'Type the new password again.',
  'password.error.mismatch': 'The confirmation does not match the new password.',
  'password.checking': 'Checking the strength of the password…',
  'password.savedAdvice':
    'From now on, use the new password wherever you log in with your account, including on your mobile devices.',
  'password.close': 'Close',
  'password.error.notAllowed':
    "Changing the password is not allowed for your account from this page. Contact your institution's IT help desk.",
  'password.error.locked':
    "Your account is temporarily locked after several wrong passwords. You can try again from {time} (in about {minutes} min); if in doubt, contact your institution's IT help desk.",
  'password.error.lockedNoRetry':
    "Your account is locked after several wrong passwords. Try again later; if it stays locked, contact your institution's IT help desk.",
  'password.saved': 'Your password has been changed.',
};
