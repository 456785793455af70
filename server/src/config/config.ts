import type { MailSettings } from '../mail/index.js';
import type { LdapStoreOptions } from '../store/ldap/index.js';

/** The server's configuration, validated: what the rest of the code receives instead of `process.env`. */
export type AuthMode = 'dev' | 'header' | 'cas';
export type StoreKind = 'file' | 'ldap';

export interface Config {
  listen: { host: string; port: number };
  /** Origin and path prefix browsers use; never ends with `/`. */
  publicUrl: URL;
  /** Whether the public URL is https: cookies get `Secure` and `__Host-`, the page gets HSTS. */
  secure: boolean;
  apiBase: string;
  store: StoreKind;
  dataDir: string;
  seedFile: string | undefined;
  auth: AuthMode;
  devUser: string;
  authHeader: string;
  trustedProxies: string[];
  casUrl: URL | undefined;
  /** Who may send CAS single logout; `undefined`: the addresses the CAS host resolves to at start. */
  casLogoutFrom: string[] | undefined;
  /** Who may read `/metrics`. */
  metricsFrom: string[];
  /** `SEL_ALLOW_CLEARTEXT`: secrets may travel in clear to hosts that are not loopback. */
  allowCleartext: boolean;
  /** Raw keys, newest first; never logged. */
  sessionKeys: string[];
  sessionIdleMs: number;
  sessionMaxMs: number;
  allowedOrigins: string[];
  frameAncestors: string;
  redisUrl: string | undefined;
  passwordMaxFailures: number;
  passwordFailureWindowMs: number;
  assetsDir: string | undefined;
  logLevel: string;
  /** The LDAP store's options (SEL_LDAP_*), read and checked by the store's own reader. */
  ldap: LdapStoreOptions | undefined;
  /** The mail relay (SEL_SMTP_URL and the rest); `undefined`: no mail leaves, account recovery is off. */
  mail: MailSettings | undefined;
}
