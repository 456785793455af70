/**
 * The entry of a person the LDAP benches read and write: a member of staff with the attributes the store
 * maps (two phones, affiliations, two structures, liste rouge), so that a search returns what a real GET
 * reads. `mobile` lets a bench choose the form the directory holds the number in.
 */
export function benchPerson(uid: string, mobile = '+33 6 12 34 56 01'): Record<string, string | string[]> {
  return {
    objectClass: ['inetOrgPerson', 'eduPerson', 'supannPerson'],
    uid,
    cn: `Banc ${uid}`,
    displayName: `Banc ${uid}`,
    sn: uid,
    mail: `${uid}@univ-exemple.fr`,
    eduPersonAffiliation: ['staff', 'member'],
    supannEntiteAffectation: ['IMED', 'DSI-RES'],
    telephoneNumber: '+33 5 49 45 30 00',
    mobile,
    supannListeRouge: 'FALSE',
  };
}
