/**
 * The view's writing of a stored number, without the phone rules: the numbers the server sends are E.164,
 * so the view can show them at once, and the rules (34.5 kB brotli) are only downloaded for editing.
 *
 * The French numbering plan is written exactly as the rules write it (a test compares both on every range):
 * nationally in a region of the same calling code (`05 49 45 49 99`, `0 800 12 34 56`, `0262 12 34 56`),
 * internationally elsewhere (`+33 5 49 45 49 99`, `+262 262 12 34 56`). Any other number is written
 * internationally, its calling code apart and the rest in groups of three (`+41 221 234 567`).
 */

const E164 = /^\+([1-9]\d{6,14})$/;

/** Calling codes of one or two digits (ITU E.164 assignments); every other code has three. */
const SHORT_CALLING_CODES = new Set(
  '1 7 20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98'.split(
    ' ',
  ),
);

/** The calling code of each region of the French numbering plan. */
const FRENCH_PLAN: Readonly<Record<string, string>> = {
  FR: '33',
  RE: '262',
  YT: '262',
  GP: '590',
  BL: '590',
  MF: '590',
  GF: '594',
  MQ: '596',
};
const FRENCH_PLAN_CODES = new Set(Object.values(FRENCH_PLAN));

/**
 * Numbers the rules write internationally even in a region of their own calling code, because written
 * `0…` they would read back as another number: France's ranges that overlap an overseas one (0269 60… is
 * Mayotte dialled from Paris), the 0806–0809 ranges that France and Réunion both use, and 0976 7… of
 * French Guiana. Found by comparing with the rules on every range to five digits, three numbers each; the
 * test compares again on every range to four digits, four numbers each.
 */
const READ_BACK_AS_ANOTHER: Readonly<Record<string, RegExp>> = {
  '33': /^(?:263(?:0|1[0-6])|268[89]|269(?:0[0-467]|15|5[0-4]|6|[78]0)|59(?:6(?:0|1[05]|2[7-9]|[3-7]|8[0-39]|9[04-9])|8[7-9])|80[6-9]|9477[6-9]|9767[4589])/,
  '262': /^80[6-9]/,
  '594': /^9767[4589]/,
};

/**
 * The region the view writes numbers for, known without the phone rules: `default-region` in capitals when
 * it names a region, `FR` otherwise (as the rules do). A region is known when the browser can name it
 * (Unicode CLDR); `ZZ`, CLDR's "unknown region", is not one.
 */
export function viewRegion(defaultRegion: string | null | undefined): string {
  const code = (defaultRegion ?? '').trim().toUpperCase();
  return isKnownRegion(code) ? code : 'FR';
}

let regionNames: Intl.DisplayNames | undefined;

export function isKnownRegion(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || code === 'ZZ') return false;
  regionNames ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  return regionNames.of(code) !== undefined;
}

/**
 * A stored number as the view shows it in `region` (in capitals, as viewRegion gives it); `undefined` when
 * it is not E.164 (then shown as it is, not linked).
 */
export function formatStoredPhone(number: string, region: string): string | undefined {
  const digits = E164.exec(number)?.[1];
  if (digits === undefined) return undefined;
  const codeLength = SHORT_CALLING_CODES.has(digits.slice(0, 1))
    ? 1
    : SHORT_CALLING_CODES.has(digits.slice(0, 2))
      ? 2
      : 3;
  const code = digits.slice(0, codeLength);
  const rest = digits.slice(codeLength);
  if (FRENCH_PLAN_CODES.has(code) && rest.length === 9) {
    const grouped = frenchGroups(code, rest);
    const national = FRENCH_PLAN[region] === code;
    if (!national || READ_BACK_AS_ANOTHER[code]?.test(rest)) return `+${code} ${grouped}`;
    return code === '33' && rest.startsWith('8') ? `0 ${grouped}` : `0${grouped}`;
  }
  return `+${code} ${groupsOfThree(rest)}`;
}

/** `5 49 45 49 99`, `800 12 34 56` (the 08 special rates), `262 12 34 56` (overseas). */
function frenchGroups(code: string, rest: string): string {
  const pairs = (from: number) => rest.slice(from).replace(/(\d{2})(?=\d)/g, '$1 ');
  if (code !== '33') return `${rest.slice(0, 3)} ${pairs(3)}`;
  return rest.startsWith('8') ? `${rest.slice(0, 3)} ${pairs(3)}` : `${rest.slice(0, 1)} ${pairs(1)}`;
}

/** `221 234 567`, `202 555 0123`: threes, a last lone digit joining the group before it. */
function groupsOfThree(rest: string): string {
  const groups = rest.match(/\d{1,3}/g) ?? [];
  const last = groups.at(-1);
  if (groups.length > 1 && last?.length === 1) groups.splice(-2, 2, `${groups.at(-2) ?? ''}${last}`);
  return groups.join(' ');
}
