/**
 * The wiring point of the account store: the embedded file store, or the LDAP directory (`SEL_STORE=ldap`).
 */
import type { Config } from './config.js';
import type { AccountStore } from '../store/account-store.js';
import { FileAccountStore } from '../store/file/file-account-store.js';
import { LdapStore } from '../store/ldap/index.js';
import { SERVER_PASSWORD_RULES } from './server-password-rules.js';

export async function buildStore(config: Config): Promise<AccountStore> {
  if (config.store === 'file') {
    return FileAccountStore.open({ dataDir: config.dataDir, seedFile: config.seedFile });
  }
  // loadConfig refuses SEL_STORE=ldap without valid SEL_LDAP_* variables, so this is a programming error.
  if (!config.ldap) throw new Error('SEL_STORE=ldap without LDAP options');
  return new LdapStore({ passwordRules: SERVER_PASSWORD_RULES, ...config.ldap });
}
