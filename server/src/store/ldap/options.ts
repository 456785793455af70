/**
 * What the LDAP store needs to know, and the defaults that fit a SupAnn directory. `readLdapConfig` fills
 * it from the environment; tests and the server may build it directly.
 */
import type { CountryCode } from 'libphonenumber-js/max';
import type { DirectoryContact, PasswordPolicy } from 'sel-widgets/core';
import type { PhoneWriteFormat } from './phone-format.js';
import { SILENT_LOGGER, type OperationsLogger } from '../../health/readiness.js';

export interface EditableSections {
  website: boolean;
  phones: boolean;
  redList: boolean;
  password: boolean;
}

export interface LdapStoreOptions {
  /** `ldaps://host:636` or `ldap://host:389` (with `startTls`) */
  url: string;
  /** Upgrade an `ldap://` connection with StartTLS before binding. */
  startTls?: boolean;
  /** PEM file of the CA that signed the directory's certificate (else Node's default CAs). */
  caFile?: string;
  /** The service account: reads entries, and acts for a person with proxied authorization. */
  bindDn: string;
  bindPassword: string;
  peopleDn: string;
  /** The branch of structures (supannCodeEntite + ou/description); without it a structure's label is its code. */
  structuresDn?: string;
  /** The password policy entry used when an entry has no pwdPolicySubentry (ppolicy's olcPPolicyDefault). */
  policyDn?: string;
  /** The attribute that holds the login (`uid`). */
  uidAttribute?: string;
  /** The attribute that holds the account's end date (GeneralizedTime), e.g. `schacExpiryDate`; none by default. */
  endDateAttribute?: string;
  /** Who to write to about what the person cannot change here. */
  directoryContact?: DirectoryContact | null;
  editable?: Partial<EditableSections>;
  /** How phone numbers are written (read in any form); `international` by default: `+33 5 49 45 30 00`. */
  phoneWriteFormat?: PhoneWriteFormat;
  /** The region of numbers written without a country code; `FR` by default. */
  phoneRegion?: CountryCode;
  /**
   * The server's own rules (classes, personal information, strength...). Merged with the directory's policy
   * entry: the stricter bound wins, so the checklist never promises a password the directory refuses.
   */
  passwordRules?: Partial<PasswordPolicy>;
  /** Connections kept to the directory (4 by default). */
  poolSize?: number;
  /** Longest wait for one directory operation, a connection or a free connection, in ms (5000). */
  timeoutMs?: number;
  /** The `Retry-After` given when the directory is unavailable, in seconds (10). */
  retryAfterSeconds?: number;
  /** How long the policy entry and the structure labels are kept before being read again, in ms (60000). */
  cacheTtlMs?: number;
  /**
   * Where the store says what an administrator must know: the directory failing and answering again (once
   * per change, with the cause), and the start checks' warnings. Silent by default (tests, benches).
   */
  logger?: OperationsLogger;
}

export const DEFAULT_PASSWORD_RULES: PasswordPolicy = { minLength: 8, maxLength: 128 };

/** The options with every default filled in. */
export type ResolvedLdapStoreOptions = Required<
  Omit<LdapStoreOptions, 'caFile' | 'structuresDn' | 'policyDn' | 'endDateAttribute' | 'editable' | 'passwordRules'>
> &
  Pick<LdapStoreOptions, 'caFile' | 'structuresDn' | 'policyDn' | 'endDateAttribute'> & {
    editable: EditableSections;
    passwordRules: PasswordPolicy;
  };

export function resolveOptions(options: LdapStoreOptions): ResolvedLdapStoreOptions {
  return {
    ...options,
    startTls: options.startTls ?? false,
    uidAttribute: options.uidAttribute ?? 'uid',
    directoryContact: options.directoryContact ?? null,
    editable: { website: true, phones: true, redList: true, password: true, ...options.editable },
    phoneWriteFormat: options.phoneWriteFormat ?? 'international',
    phoneRegion: options.phoneRegion ?? 'FR',
    passwordRules: { ...DEFAULT_PASSWORD_RULES, ...options.passwordRules },
    poolSize: options.poolSize ?? 4,
    timeoutMs: options.timeoutMs ?? 5_000,
    retryAfterSeconds: options.retryAfterSeconds ?? 10,
    cacheTtlMs: options.cacheTtlMs ?? 60_000,
    logger: options.logger ?? SILENT_LOGGER,
  };
}
