/**
 * The region the view writes numbers for, known without the phone rules: `default-region` in capitals when
 * it names a region, `FR` otherwise (as the rules do). A region is known when the browser can name it
 * (Unicode CLDR); `ZZ`, CLDR's "unknown region", is not one.
 */
const FALLBACK_REGION = 'FR';

let regionNames: Intl.DisplayNames | undefined;

export function isKnownRegion(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || code === 'ZZ') return false;
  regionNames ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  return regionNames.of(code) !== undefined;
}

export function viewRegion(defaultRegion: string | null | undefined): string {
  const code = (defaultRegion ?? '').trim().toUpperCase();
  return isKnownRegion(code) ? code : FALLBACK_REGION;
}
