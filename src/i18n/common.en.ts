/** The English of common.fr.ts: the same keys, or the build fails. */
import type { EnglishOf } from './messages.js';
import type { commonFr } from './common.fr.js';

export const commonEn: EnglishOf<typeof commonFr> = {
  'common.edit': 'Edit…',
  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.retry': 'Retry',
  'common.loading': 'Loading your account information…',
  'common.saving': 'Saving…',
  'common.notConfigured':
    'This section is not configured: the portal must give the address of the service (api-base attribute).',
  'common.directoryHint': 'For information you cannot change yourself, contact your directory correspondent.',
  'common.directoryContactLink': 'Contact your directory correspondent',
  'common.loadFailed': 'Your account information could not be loaded.',
  'common.loadFailedElsewhere': 'Not loaded: see the message and the “Retry” button in the “{section}” section.',
  'common.logIn': 'Log in',
  'common.logInNeeded':
    'You must log in to the “Mon compte” service to see this information. The login opens in a new window.',
  'common.logInElsewhere': 'Not loaded: log in with the “Log in” button in the “{section}” section.',
  'error.network': 'The server cannot be reached. Check your connection, then try again.',
  'error.timeout': 'The server did not answer in time. Try again in a moment.',
  'error.unauthorized': 'Your session has expired. Log in to the portal again, then retry: what you typed is kept.',
  'error.forbidden': 'You are not allowed to change this information here.',
  'error.conflict':
    'Your account was changed elsewhere in the meantime. It has been reloaded; check your choice, then save again.',
  'error.validation': 'The server refused the value.',
  'error.rateLimited': 'Too many attempts. You can try again in {seconds} s.',
  'error.server': 'The service ran into an error. Try again later.',
  'error.invalidResponse':
    'The server sent an unexpected answer. Try again later; if the problem persists, contact the help desk.',
  'error.notConfigured': 'The service is not configured.',
  'error.missingVersion':
    'The server does not give the version of your account (ETag header): the change cannot be saved without risking overwriting another. What you typed is kept; if the problem persists, contact the help desk.',
  'common.partUnreadable':
    'The server sent this part of your account in an unexpected form: it cannot be shown. Try again later; if the problem persists, contact the help desk.',
};
