/**
 * The LDAP store (SEL_STORE=ldap): `LdapStore` implements `AccountStore` over an OpenLDAP directory with the
 * SupAnn schema and ppolicy; `readLdapConfig` reads its options from the environment.
 */
export { LdapStore } from './ldap-store.js';
export { readLdapConfig, LDAP_ENVIRONMENT } from './read-ldap-config.js';
export type { LdapStoreOptions, EditableSections } from './options.js';
export type { PasswordStatus } from './account-mapping.js';
export type { PhoneWriteFormat } from './phone-format.js';
