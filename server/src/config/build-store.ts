/**
 * The wiring point of the account store: the embedded file store, or the LDAP directory (`SEL_STORE=ldap`).
 */
import type { Config } from './config.js';
import { ConfigError } from './load-config.js';
import type { AccountStore } from '../store/account-store.js';
import { FileAccountStore } from '../store/file/file-account-store.js';
import { LdapStore } from '../store/ldap/index.js';
import { SERVER_PASSWORD_RULES } from './server-password-rules.js';
import type { OperationsLogger } from '../health/readiness.js';

/**
 * Opens the store. The LDAP store first checks the directory: what it refuses (the service account's bind,
 * the entries the SEL_LDAP_* variables name) stops the start with a `ConfigError` naming every variable to
 * fix; a directory that does not answer yet does not stop it: that is logged, and `/readyz` fails until the
 * directory answers.
 */
export async function buildStore(config: Config, logger: OperationsLogger): Promise<AccountStore> {
  if (config.store === 'file') {
    return FileAccountStore.open({ dataDir: config.dataDir, seedFile: config.seedFile, logger });
  }
  // loadConfig refuses SEL_STORE=ldap without valid SEL_LDAP_* variables, so this is a programming error.
  if (!config.ldap) throw new Error('SEL_STORE=ldap without LDAP options');
  const store = new LdapStore({ passwordRules: SERVER_PASSWORD_RULES, ...config.ldap, logger });
  const problems = await store.verify();
  if (problems.length > 0) {
    await store.close();
    throw new ConfigError(problems);
  }
  return store;
}
