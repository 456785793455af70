/**
 * The wire types of the HTTP contract, as zod schemas. They are the single source of the TypeScript
 * types (`z.infer`): change a field here and every adapter, store and element follows.
 *
 * `zod/mini` rather than full zod: the same checks for a fraction of the bundle weight.
 */
import * as z from 'zod/mini';

// zod probes `new Function` for a faster parser; under the strict CSP portals use (`script-src 'self'`)
// that probe would be reported as a violation. The interpreted path is fast enough for one account.
z.config({ jitless: true });

export const PHONE_TYPES = ['office', 'mobile', 'fax', 'other'] as const;

export const phoneSchema = z.object({
  type: z.enum(PHONE_TYPES),
  number: z.string(),
});

// `z.refine(Number.isSafeInteger)` checks what `z.int()` checks, without the number-format code that
// `z.int()` brings into the first module (0.19 kB brotli).
const count = z.number().check(z.refine(Number.isSafeInteger), z.gte(0));

export const passwordPolicySchema = z.object({
  minLength: count,
  maxLength: count,
  minLower: z.optional(count),
  minUpper: z.optional(count),
  minDigit: z.optional(count),
  minSpecial: z.optional(count),
  minClasses: z.optional(z.number().check(z.refine(Number.isSafeInteger), z.gte(0), z.lte(4))),
  forbiddenChars: z.optional(z.string()),
  rejectPersonalInfo: z.optional(z.boolean()),
  minEntropyBits: z.optional(z.number().check(z.gte(0))),
  // One literal of five values rather than a union of five literals: the union's code stays out of the bundle.
  minStrength: z.optional(z.literal([0, 1, 2, 3, 4])),
  historySize: z.optional(count),
});

export const structureSchema = z.object({ code: z.string(), label: z.string() });

export const directoryContactSchema = z.object({
  name: z.optional(z.string()),
  email: z.optional(z.string()),
  url: z.optional(z.string()),
});

export const accountSchema = z.object({
  uid: z.string(),
  displayName: z.string(),
  givenName: z.optional(z.string()),
  surname: z.optional(z.string()),
  mail: z.optional(z.nullable(z.string())),
  affiliations: z.array(z.string()),
  primaryAffiliation: z.optional(z.nullable(z.string())),
  structures: z.array(structureSchema),
  title: z.optional(z.nullable(z.string())),
  website: z.nullable(z.string()),
  phones: z.array(phoneSchema),
  redList: z.boolean(),
  passwordChangedAt: z.optional(z.nullable(z.string())),
  accountExpiresAt: z.optional(z.nullable(z.string())),
  /** pwdChangedTime + pwdMaxAge; null or absent when the password never expires. */
  passwordExpiresAt: z.optional(z.nullable(z.string())),
  /** The directory's pwdExpireWarning in days: how long before `passwordExpiresAt` to warn. */
  passwordExpiryWarningDays: z.optional(count),
  /** pwdReset: an administrator reset the password, which must be changed before anything else. */
  passwordMustChange: z.optional(z.boolean()),
  directoryContact: z.optional(z.nullable(directoryContactSchema)),
  /**
   * Personal addresses a reset link may be sent to, each confirmed with a code mailed to it. Absent from a
   * backend without account recovery.
   */
  recoveryEmails: z.optional(z.array(z.string())),
  /** The address added and waiting for its code, until the code expires. */
  pendingRecoveryEmail: z.optional(z.nullable(z.object({ email: z.string(), expiresAt: z.string() }))),
  editable: z.object({
    website: z.boolean(),
    phones: z.boolean(),
    redList: z.boolean(),
    password: z.boolean(),
    /** Whether recovery addresses can be added here: false or absent when the backend sends no mail. */
    recoveryEmails: z.optional(z.boolean()),
  }),
  passwordPolicy: passwordPolicySchema,
});

/** RFC 9457 problem details with the contract's extensions; every member is optional on the way in. */
export const problemSchema = z.object({
  type: z.optional(z.string()),
  title: z.optional(z.string()),
  status: z.optional(z.number()),
  detail: z.optional(z.string()),
  code: z.optional(z.string()),
  errors: z.optional(z.array(z.object({ field: z.string(), code: z.string() }))),
  violations: z.optional(z.array(z.string())),
});

export type Phone = z.infer<typeof phoneSchema>;
export type PhoneType = Phone['type'];
export type PasswordPolicy = z.infer<typeof passwordPolicySchema>;
export type Structure = z.infer<typeof structureSchema>;
export type DirectoryContact = z.infer<typeof directoryContactSchema>;
export type Account = z.infer<typeof accountSchema>;
// The request bodies' schemas live in request-schemas.ts, which checks them against these two types: the
// elements send the bodies but never parse them, and zod's schemas stay in a bundle once built, used or not,
// so the first module leaves them out.
/** The body of a `PATCH /account`: exactly one of the three editable parts. */
export type AccountPatch = Pick<Account, 'website'> | Pick<Account, 'phones'> | Pick<Account, 'redList'>;
export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}
/** The body that adds (`POST /account/recovery-emails`) or removes (`…/remove`) a recovery address. */
export interface RecoveryEmailChange {
  email: string;
  currentPassword: string;
}
/** The body of `POST /account/recovery-emails/confirm`: the code as typed (`482 913` is taken). */
export interface RecoveryEmailConfirmation {
  code: string;
}
export type Problem = z.infer<typeof problemSchema>;
/** The editable parts of the account, as named in `sel-saved` and `sel-error` events. */
export type Section = 'website' | 'phones' | 'redList' | 'password';
