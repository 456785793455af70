/**
 * What can go wrong below the HTTP layer, in the contract's words. Stores and the account service throw
 * these; the routes turn each into its problem+json answer (status, `code`, `Retry-After`). None of them
 * ever carries a password, a phone number or any other value the person typed.
 */
import type { FieldError } from './field-error.js';
import type { PatchSection } from './patch-section.js';

export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
}

/** 412: the `If-Match` version is not the account's current one. */
export class StaleVersionError extends DomainError {
  readonly status = 412;
  readonly code = 'stale_version';
  constructor() {
    super('The account changed since it was read.');
  }
}

/** 403: this part of the account is not editable here. */
export class NotEditableError extends DomainError {
  readonly status = 403;
  readonly code = 'not_editable';
  constructor(readonly section: PatchSection | 'recoveryEmails') {
    super(`The ${section} is not editable here.`);
  }
}

/** 422 with field errors. */
export class ValidationError extends DomainError {
  readonly status = 422;
  readonly code = 'validation';
  constructor(readonly fieldErrors: FieldError[]) {
    super('Some values are not valid.');
  }
}

/** 422: the current password is wrong (also a field error on `currentPassword`). */
export class WrongCurrentPasswordError extends DomainError {
  readonly status = 422;
  readonly code = 'wrong_current_password';
  constructor() {
    super('The current password is not correct.');
  }
}

/** 422: the new password breaks the policy; `violations` are the contract's codes. */
export class PolicyViolationError extends DomainError {
  readonly status = 422;
  readonly code = 'policy_violation';
  constructor(readonly violations: string[]) {
    super('The new password does not follow the password policy.');
  }
}

/** 403: the password is not changed here. */
export class ChangeNotAllowedError extends DomainError {
  readonly status = 403;
  readonly code = 'change_not_allowed';
  constructor() {
    super('The password of this account is not changed here.');
  }
}

/** 403: the directory locked the account after failed attempts. */
export class AccountLockedError extends DomainError {
  readonly status = 403;
  readonly code = 'account_locked';
  constructor(readonly retryAfterSeconds?: number) {
    super('The account is locked after too many failed attempts.');
  }
}

/** 429: too many attempts; try again after `retryAfterSeconds`. */
export class RateLimitedError extends DomainError {
  readonly status = 429;
  readonly code = 'rate_limited';
  constructor(readonly retryAfterSeconds: number) {
    super('Too many attempts.');
  }
}

/** 503: the directory cannot be reached now. */
export class DirectoryUnavailableError extends DomainError {
  readonly status = 503;
  readonly code = 'directory_unavailable';
  constructor(
    readonly retryAfterSeconds: number,
    options?: { cause?: unknown },
  ) {
    super('The directory cannot be reached.', options);
  }
}

/** 404: the session names a person the store does not know. */
export class NoSuchAccountError extends DomainError {
  readonly status = 404;
  readonly code = 'not_found';
  constructor() {
    super('There is no account for this login.');
  }
}

/** 404: what the request names is not there (a recovery address the account does not have, or no recovery). */
export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly code = 'not_found';
  constructor(message = 'No such resource.') {
    super(message);
  }
}

/** 422: the confirmation code is not the one mailed (also a field error on `code`). */
export class InvalidCodeError extends DomainError {
  readonly status = 422;
  readonly code = 'invalid_code';
  constructor() {
    super('The code is not the one sent.');
  }
}

/** 410: the confirmation code expired, or too many wrong codes spent it: the address must be added again. */
export class CodeExpiredError extends DomainError {
  readonly status = 410;
  readonly code = 'code_expired';
  constructor() {
    super('The code has expired; add the address again to receive a new one.');
  }
}
