/**
 * The wiring point of the account store: the embedded file store, or the LDAP directory (`SEL_STORE=ldap`),
 * whose store plugs in here.
 */
import type { Config } from './config.js';
import type { AccountStore } from '../store/account-store.js';
import { FileAccountStore } from '../store/file/file-account-store.js';
import { NotWiredError } from './build-shared-state.js';

export async function buildStore(config: Config): Promise<AccountStore> {
  if (config.store === 'file') {
    return FileAccountStore.open({ dataDir: config.dataDir, seedFile: config.seedFile });
  }
  throw new NotWiredError('SEL_STORE=ldap: this build has no LDAP store yet; use SEL_STORE=file.');
}
