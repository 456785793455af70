/**
 * The eduPerson (`eduPersonAffiliation`) and SupAnn affiliation values a person can read, in their own
 * words. The labels are messages, so a university renames them through `configure({ messages })`.
 */
import type { MessageKey } from '../../i18n/messages.js';

const LABEL_KEYS: Readonly<Record<string, MessageKey>> = {
  staff: 'generalInfo.affiliation.staff',
  faculty: 'generalInfo.affiliation.faculty',
  employee: 'generalInfo.affiliation.employee',
  student: 'generalInfo.affiliation.student',
  member: 'generalInfo.affiliation.member',
  affiliate: 'generalInfo.affiliation.affiliate',
  alum: 'generalInfo.affiliation.alum',
  researcher: 'generalInfo.affiliation.researcher',
  teacher: 'generalInfo.affiliation.teacher',
  emeritus: 'generalInfo.affiliation.emeritus',
  retired: 'generalInfo.affiliation.retired',
  'library-walk-in': 'generalInfo.affiliation.library-walk-in',
  'registered-reader': 'generalInfo.affiliation.registered-reader',
};

export interface AffiliationLabel {
  /** What the person reads: the known label, or the value exactly as the directory holds it. */
  label: string;
  primary: boolean;
}

/** Directory values compare without case (the LDAP attribute's matching rule) and without stray spaces. */
function normalise(value: string): string {
  return value.trim().toLowerCase();
}

/** The message key of a known value; `undefined` for anything else, including `constructor` or `__proto__`. */
export function affiliationLabelKey(value: string): MessageKey | undefined {
  const key = normalise(value);
  return Object.hasOwn(LABEL_KEYS, key) ? LABEL_KEYS[key] : undefined;
}

/**
 * The affiliations to show: the primary one first and marked, each value once, empty values dropped, an
 * unknown value as the directory gives it.
 */
export function affiliationLabels(
  affiliations: readonly string[],
  primaryAffiliation: string | null | undefined,
  msg: (key: MessageKey) => string,
): AffiliationLabel[] {
  const primary = primaryAffiliation ? normalise(primaryAffiliation) : '';
  // eduPersonPrimaryAffiliation should be one of the affiliations; if the directory forgot it, still show it.
  const values =
    primary && !affiliations.some((value) => normalise(value) === primary) && primaryAffiliation
      ? [primaryAffiliation, ...affiliations]
      : [...affiliations];
  const seen = new Set<string>();
  const labels: AffiliationLabel[] = [];
  for (const value of values) {
    const normalised = normalise(value);
    if (normalised === '' || seen.has(normalised)) continue;
    seen.add(normalised);
    const key = affiliationLabelKey(value);
    labels.push({ label: key ? msg(key) : value.trim(), primary: normalised === primary });
  }
  return labels.sort((a, b) => Number(b.primary) - Number(a.primary));
}
