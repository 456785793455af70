/**
 * The directory's failures in words an administrator acts on. A refusal (a wrong password, a DN that names
 * nothing, an ACL that hides an entry) is a configuration to fix: it names the variable and what to check.
 * An outage (nothing listening, no answer in time, a TLS handshake that fails) is waited out: it is named by
 * its cause. Neither ever holds a DN of a person or a secret: result codes and socket error codes only.
 */
import { ResultCodeError } from 'ldapts';
import { DirectoryUnavailableError } from '../../domain/errors.js';
import { PPOLICY_ERRORS } from './controls/ppolicy-control.js';

/** Result codes that mean "the directory cannot serve now", not "your request is wrong". */
export const UNAVAILABLE_CODES: ReadonlySet<number> = new Set([
  51 /* busy */, 52 /* unavailable */, 80 /* other: e.g. database error */,
]);

const CODE = {
  strongAuthRequired: 8,
  confidentialityRequired: 13,
  noSuchObject: 32,
  invalidDnSyntax: 34,
  inappropriateAuthentication: 48,
  invalidCredentials: 49,
  insufficientAccess: 50,
} as const;

/**
 * A refusal of the directory that only an administrator can lift; its message names the variable and what
 * to check, and is safe to log and to print at start.
 */
export class DirectoryRefusalError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DirectoryRefusalError';
  }
}

/** The entry named as the password policy is there, but it is not one (or its attributes are hidden). */
export class NotAPolicyError extends Error {
  constructor() {
    super('The entry has no pwdAttribute.');
    this.name = 'NotAPolicyError';
  }
}

/** An LDAP failure in words: the refusal's message, the result code's name or the socket's error code. */
export function describeLdapError(error: unknown): string {
  // The store's own 503 says nothing of the cause: the cause is what an administrator needs.
  if (error instanceof DirectoryUnavailableError && error.cause !== undefined) return describeLdapError(error.cause);
  if (error instanceof DirectoryRefusalError) return error.message;
  if (error instanceof ResultCodeError) return `LDAP result ${error.code}: ${error.name}`;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  if (!(error instanceof Error)) return 'unknown error';
  // ldapts' own errors have no code; their messages hold neither a DN nor a value, but they vary in their
  // details (the type of the message in flight), and one cause must keep one name for the state to log it once.
  if (/timeout|timed out/i.test(error.message)) return 'timeout';
  if (error.message.startsWith('Connection closed')) return 'connection closed';
  const socketCode = /^Socket error[\s\S]*?\b(E[A-Z]{2,})\b/.exec(error.message)?.[1];
  if (socketCode) return socketCode;
  if (error.message.startsWith('Socket error')) return 'socket error';
  return error.name;
}

/** Whether the directory answered with a refusal (a code to fix), rather than failed to answer. */
export function isRefusal(error: unknown): error is ResultCodeError | NotAPolicyError {
  return error instanceof NotAPolicyError || (error instanceof ResultCodeError && !UNAVAILABLE_CODES.has(error.code));
}

/** The words of a failure met while checking or reading the directory: a refusal to fix, or an outage. */
export function findingOf(error: unknown): { problem: string } | { outage: string } {
  const cause = error instanceof DirectoryUnavailableError && error.cause !== undefined ? error.cause : error;
  if (cause instanceof DirectoryRefusalError) return { problem: cause.message };
  return { outage: describeLdapError(cause) };
}

const BIND = 'SEL_LDAP_BIND_DN / SEL_LDAP_BIND_PASSWORD';

/** Why the directory refused the service account's bind; `ppolicyError` is ppolicy's answer, if any. */
export function bindProblem(error: ResultCodeError, ppolicyError: number | undefined): string {
  // A service account is a directory entry like any other: the default password policy locks it and
  // expires its password too, unless the directory gives it a policy of its own.
  if (ppolicyError === PPOLICY_ERRORS.accountLocked) {
    return (
      "SEL_LDAP_BIND_DN: the directory's password policy has locked the service account after failed binds " +
      '(remove its pwdAccountLockedTime and check SEL_LDAP_BIND_PASSWORD; a policy without pwdLockout for the ' +
      'service account avoids this)'
    );
  }
  if (ppolicyError === PPOLICY_ERRORS.passwordExpired) {
    return (
      "SEL_LDAP_BIND_PASSWORD: the service account's password has expired under the directory's password " +
      'policy (set a new one; a policy without pwdMaxAge for the service account avoids this)'
    );
  }
  switch (error.code) {
    case CODE.invalidCredentials:
      return `${BIND}: the directory refused the service account's bind (check the DN and the password)`;
    case CODE.invalidDnSyntax:
      return 'SEL_LDAP_BIND_DN: the directory says it is not a valid DN';
    case CODE.inappropriateAuthentication:
      return 'SEL_LDAP_BIND_DN: this entry cannot bind with a password (has it a userPassword?)';
    case CODE.confidentialityRequired:
    case CODE.strongAuthRequired:
      return (
        'SEL_LDAP_URL / SEL_LDAP_STARTTLS: the directory requires an encrypted connection for the bind ' +
        '(use ldaps:// or SEL_LDAP_STARTTLS=true)'
      );
    default:
      return `${BIND}: the directory refused the service account's bind (${describeLdapError(error)})`;
  }
}

/** The service account's password was reset by an administrator: ppolicy lets it do nothing else. */
export const CHANGE_AFTER_RESET_PROBLEM =
  "SEL_LDAP_BIND_PASSWORD: an administrator reset the service account's password and the directory's password " +
  'policy allows nothing until it is changed (pwdReset): set its password again, or give the service account a ' +
  'policy without pwdMustChange';

export function startTlsProblem(error: ResultCodeError): string {
  return `SEL_LDAP_STARTTLS: the directory refused StartTLS (${describeLdapError(error)}): use ldaps:// or enable StartTLS in the directory`;
}

/** What the service account must be allowed to do with each entry it reads, for the ACL hint. */
export const ACCESS = {
  people: "search the people branch and read the people's entries",
  policy: 'read the entry and its pwd* attributes (pwdAttribute, pwdMinLength, pwdMaxLength…)',
  structures: 'search the structures branch and read supannCodeEntite, description and ou',
} as const;

/**
 * Why the directory refused to read an entry the configuration names: `name` is the variable (or what
 * points at the entry), `access` what the ACL must let the service account do.
 */
export function entryProblem(name: string, access: string, error: ResultCodeError | NotAPolicyError): string {
  if (error instanceof NotAPolicyError) {
    return (
      `${name}: the entry has no pwdAttribute: it is not a pwdPolicy entry (the one olcPPolicyDefault names), ` +
      `or the ACL hides its attributes: the service account must ${access}`
    );
  }
  switch (error.code) {
    // slapd answers the same for an entry that is not there and for one the ACL does not disclose.
    case CODE.noSuchObject:
      return (
        `${name}: no such entry, or the service account may not see it (check the DN; the ACL must let the ` +
        `service account ${access})`
      );
    case CODE.invalidDnSyntax:
      return `${name}: the directory says it is not a valid DN`;
    case CODE.insufficientAccess:
      return `${name}: the directory refuses the service account access to it: the ACL must let it ${access}`;
    default:
      return `${name}: the directory refused to read it (${describeLdapError(error)})`;
  }
}
