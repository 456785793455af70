/**
 * JSON of a value that can no longer change, written once: the file store hands out the same frozen
 * account until its next change, so each GET would otherwise serialise the same object again. A value that
 * is not frozen (the LDAP store builds a new account per read) is serialised every time.
 */
const written = new WeakMap<object, string>();

export function jsonOf(value: object): string {
  if (!Object.isFrozen(value)) return JSON.stringify(value);
  let json = written.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    written.set(value, json);
  }
  return json;
}
