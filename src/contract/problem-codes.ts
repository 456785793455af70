/**
 * The stable machine-readable codes of the HTTP contract (docs/openapi.yaml): the `code` of
 * a problem, the `code` of a field error and the `violations` of a refused password. A backend answers with
 * them; the elements turn them into sentences. Pure data: the bottom floor with the schemas.
 */

/** Every rule of the password policy a backend may report in `violations`, in the order of the checklist. */
export const POLICY_VIOLATION_CODES = [
  'too_short',
  'too_long',
  'missing_lower',
  'missing_upper',
  'missing_digit',
  'missing_special',
  'not_enough_classes',
  'forbidden_chars',
  'contains_personal_info',
  'too_weak',
  'low_entropy',
  'in_history',
  'too_young',
  'breached',
] as const;
export type PolicyViolationCode = (typeof POLICY_VIOLATION_CODES)[number];

/** The `code` member of a problem+json answer, by the status it comes with. */
export const PROBLEM_CODES = {
  /** 400: the body is not an `AccountPatch` / `PasswordChange`. */
  badRequest: 'bad_request',
  /** 401: no session. */
  unauthorized: 'unauthorized',
  /** 403: this part of the account is not editable here. */
  notEditable: 'not_editable',
  /** 403: the password is not changed here (an account managed elsewhere). */
  changeNotAllowed: 'change_not_allowed',
  /** 403: the CSRF token or the `Origin` of a non-GET request is missing or wrong. */
  csrf: 'csrf',
  /** 403: the directory locked the account after failed attempts (`Retry-After` when known). */
  accountLocked: 'account_locked',
  /** 404 */
  notFound: 'not_found',
  /** 405 */
  methodNotAllowed: 'method_not_allowed',
  /** 410: the confirmation code of a recovery address expired (30 minutes, or 5 wrong codes). */
  codeExpired: 'code_expired',
  /** 412: the `If-Match` version is not the current one. */
  staleVersion: 'stale_version',
  /** 413: the body is larger than the server takes. */
  payloadTooLarge: 'payload_too_large',
  /** 422: field errors in `errors`. */
  validation: 'validation',
  /** 422 on the password: the current password is wrong. */
  wrongCurrentPassword: 'wrong_current_password',
  /** 422 on the password: the new one breaks the policy, listed in `violations`. */
  policyViolation: 'policy_violation',
  /** 422 on a recovery address: the confirmation code is not the one mailed. */
  invalidCode: 'invalid_code',
  /** 428: no `If-Match`. */
  missingIfMatch: 'missing_if_match',
  /** 429, with `Retry-After`. */
  rateLimited: 'rate_limited',
  /** 500 */
  server: 'server',
  /** 503: the directory cannot be reached (`Retry-After`). */
  directoryUnavailable: 'directory_unavailable',
} as const;
export type ProblemCode = (typeof PROBLEM_CODES)[keyof typeof PROBLEM_CODES];

/** The `code` of a field error in a 422's `errors`. */
export const FIELD_ERROR_CODES = {
  website: ['invalid_url', 'unsupported_scheme', 'no_host', 'credentials', 'too_long'],
  phones: ['too_many', 'invalid_number', 'duplicate'],
  currentPassword: ['wrong_current_password'],
  email: ['invalid', 'own_address', 'already_added', 'too_many'],
  code: ['invalid_code'],
} as const;
