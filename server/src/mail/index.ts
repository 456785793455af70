/**
 * Mail that leaves the server, for account recovery: settings and their checks, the mails in French and
 * English, the queue that sends them after the answer, the relay's readiness and the counts for metrics.
 */
export {
  MAIL_ENVIRONMENT,
  isAddress,
  isLoopbackHost,
  mailSettingsProblems,
  parseMailbox,
  parseSmtpUrl,
  smtpTransportOptions,
  type MailSettings,
  type SmtpEndpoint,
} from './mail-settings.js';
export {
  CONFIRMATION_CODE_DIGITS,
  CONFIRMATION_CODE_VALIDITY_MINUTES,
  RESET_LINK_VALIDITY_MINUTES,
  generateConfirmationCode,
  groupConfirmationCode,
  normalizeConfirmationCode,
} from './confirmation-code.js';
export {
  addressRemovedMail,
  confirmationCodeMail,
  formatMailDate,
  notMeSentence,
  passwordNoticeMail,
  resetLinkMail,
  type AddressRemovedMail,
  type ConfirmationCodeMail,
  type MessageContext,
  type PasswordNoticeMail,
  type ResetLinkMail,
} from './messages.js';
export {
  MAIL_KINDS,
  MAIL_LANGUAGES,
  MAIL_PLACEHOLDERS,
  MailTemplateError,
  remoteContentProblems,
  type MailContent,
  type MailKind,
  type MailLanguage,
  type MailTemplate,
  type MailTemplates,
} from './templates/template.js';
export { BUILT_IN_TEMPLATES, builtInTemplateFiles, loadMailTemplates } from './templates/load-templates.js';
export {
  DEFAULT_RETRY_DELAYS_MS,
  MailDeliveryError,
  MailQueue,
  recipientDomain,
  type MailCounts,
  type MailOutcome,
  type MailOutcomeName,
  type OutgoingMail,
} from './mail-queue.js';
export {
  MailService,
  READINESS_CACHE_MS,
  READINESS_TIMEOUT_MS,
  describeSmtpFailure,
  type MailServiceOptions,
  type MailTransporter,
} from './mailer.js';
