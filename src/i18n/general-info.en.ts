/** The English of general-info.fr.ts: the same keys, or the build fails. */
import type { EnglishOf } from './messages.js';
import type { generalInfoFr } from './general-info.fr.js';

export const generalInfoEn: EnglishOf<typeof generalInfoFr> = {
  'generalInfo.title': 'General information',
  'generalInfo.displayName': 'Name',
  'generalInfo.uid': 'Login',
  'generalInfo.mail': 'Email address',
  'generalInfo.affiliations': 'Affiliations',
  'generalInfo.primaryAffiliation': '{label} (primary affiliation)',
  'generalInfo.structures': 'Units',
  'generalInfo.jobTitle': 'Job title',
  'generalInfo.notGiven': 'Not given',
  'generalInfo.passwordChangedAt': 'Password last changed',
  'generalInfo.accountValidity': 'Account validity',
  'generalInfo.accountExpiresAt': 'Until {date}.',
  'generalInfo.accountRule': 'Your account stays valid for three months after you leave the university.',

  'generalInfo.affiliation.staff': 'Administrative or technical staff',
  'generalInfo.affiliation.faculty': 'Faculty (teaching and research)',
  'generalInfo.affiliation.employee': 'Employee of the university',
  'generalInfo.affiliation.student': 'Student',
  'generalInfo.affiliation.member': 'Member of the university',
  'generalInfo.affiliation.affiliate': 'Affiliate of the university',
  'generalInfo.affiliation.alum': 'Alumnus or alumna',
  'generalInfo.affiliation.researcher': 'Researcher',
  'generalInfo.affiliation.teacher': 'Teacher',
  'generalInfo.affiliation.emeritus': 'Emeritus professor',
  'generalInfo.affiliation.retired': 'Retired',
  'generalInfo.affiliation.library-walk-in': 'Library visitor',
  'generalInfo.affiliation.registered-reader': 'Registered library reader',

  'generalInfo.website.label': 'Website',
  'generalInfo.website.none': 'No website',
  'generalInfo.website.edit': 'Edit… (website)',
  'generalInfo.website.notEditable':
    'Your website cannot be changed here: only your directory correspondent can change it.',
  'generalInfo.website.saved': 'Your website is saved: {url}.',
  'generalInfo.website.removed': 'Your website has been removed.',
  'generalInfo.website.unchanged': 'Nothing changed: your website is the same.',
  'generalInfo.website.conflict':
    'Your account was changed elsewhere in the meantime and has just been reloaded. Website saved at present: {current}. What you typed is kept in the field: save again to keep it.',
  'generalInfo.website.currentNone': 'none',
  'generalInfo.website.forbidden':
    'You are not allowed to change your website here. To change it, contact your directory correspondent.',
  'generalInfo.website.forbiddenTyped': 'The address you typed: {url}.',
  'generalInfo.website.help':
    'Full address, starting with https:// (or http://). Leave the field empty to remove your website.',
  'generalInfo.website.error.invalid_url':
    'This web address is not valid. Type it in full, for example https://www.example.org.',
  'generalInfo.website.error.unsupported_scheme': 'Only addresses starting with https:// or http:// are accepted.',
  'generalInfo.website.error.no_host':
    'The address must contain a full site name, with a dot (for example www.example.org).',
  'generalInfo.website.error.credentials':
    'The address must not contain a user name or password (text before “@”); an email address is not a website.',
  'generalInfo.website.error.too_long': 'This address is too long: {max} characters at most.',
  'generalInfo.website.error.server': 'The server refused this address. Check it, then save again.',
  'generalInfo.website.suggestion': 'The start of the address is missing. Did you mean {url}?',
  'generalInfo.website.useSuggestion': 'Use this address',
  'generalInfo.website.confirmRemoval':
    'The field is empty: your website {url} will be removed. Confirm the removal, or type an address.',
  'generalInfo.website.confirmRemovalButton': 'Confirm removal',
};
