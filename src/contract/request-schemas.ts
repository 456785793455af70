/**
 * The request bodies of the HTTP contract, as zod schemas: what the reference server and the mock backend
 * check before acting. Apart from schemas.ts because the elements only build these bodies: a bundle keeps
 * every zod schema a module builds, so the first module would carry these for nothing.
 */
import * as z from 'zod/mini';
import {
  phoneSchema,
  type AccountPatch,
  type PasswordChange,
  type RecoveryEmailChange,
  type RecoveryEmailConfirmation,
} from './schemas.js';

/** The body of a `PATCH /account`: exactly one of the three editable parts. */
export const accountPatchSchema = z.union([
  z.strictObject({ website: z.nullable(z.string()) }),
  z.strictObject({ phones: z.array(phoneSchema) }),
  z.strictObject({ redList: z.boolean() }),
]) satisfies z.ZodMiniType<AccountPatch>;

export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string(),
  newPassword: z.string(),
}) satisfies z.ZodMiniType<PasswordChange>;

/** Adding or removing a recovery address: the address, and the current password that proves who asks. */
export const recoveryEmailChangeSchema = z.strictObject({
  email: z.string(),
  currentPassword: z.string(),
}) satisfies z.ZodMiniType<RecoveryEmailChange>;

export const recoveryEmailConfirmationSchema = z.strictObject({
  code: z.string(),
}) satisfies z.ZodMiniType<RecoveryEmailConfirmation>;
