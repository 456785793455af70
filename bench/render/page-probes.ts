/**
 * Code run in the page, as strings or functions puppeteer sends there: when the sections show the account,
 * and when the strength meter shows its first score.
 */

const TAGS = ['sel-general-info', 'sel-phones', 'sel-redlist', 'sel-password-change'];

/** Resolves, in the page, when every section shows the account: the time since navigation start. */
export const WAIT_FOR_ACCOUNT = `new Promise((resolve) => {
  const ready = () => ${JSON.stringify(TAGS)}.every((tag) => {
    const root = document.querySelector(tag)?.shadowRoot;
    if (!root || !root.querySelector('[role="heading"]')) return false;
    return ![...root.querySelectorAll('[role="status"]')].some((node) => node.textContent.includes('Chargement'));
  }) && document.querySelector('sel-general-info').shadowRoot.textContent.includes('cmartin');
  const check = () => (ready() ? resolve(performance.now()) : requestAnimationFrame(check));
  check();
})`;

/**
 * Opens the password form (« Changer de mot de passe… ») and waits for its new-password field. The form's
 * code is a chunk of its own, fetched on the press (a person's hover would have fetched it sooner): the
 * field shows once it is here, polled every frame.
 */
export async function openPasswordForm(): Promise<void> {
  const host = document.querySelector('sel-password-change') as HTMLElement;
  (host.shadowRoot!.querySelector('[part~="open-button"]') as HTMLElement).click();
  const giveUpAt = performance.now() + 30_000;
  while (!host.querySelector('input[autocomplete="new-password"]')) {
    if (performance.now() > giveUpAt) throw new Error('no new-password field');
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** Focuses the new-password field: the first focus is what starts the worker and its dictionaries. */
export function focusNewPassword(): number {
  const input = document.querySelector<HTMLInputElement>('sel-password-change input[autocomplete="new-password"]')!;
  const start = performance.now();
  input.focus();
  return start;
}

/** Resolves with the time (since navigation start) the meter first shows a score, polled every frame. */
export function waitForFirstScore(): Promise<number> {
  return new Promise((resolve) => {
    const host = document.querySelector('sel-password-change')!;
    const scored = (): boolean =>
      Boolean(
        host.querySelector('.sel-pc-meter-bar[data-score]') ??
        host.shadowRoot?.querySelector('.sel-pc-meter-bar[data-score]'),
      );
    const check = (): void => {
      if (scored()) resolve(performance.now());
      else requestAnimationFrame(check);
    };
    check();
  });
}

/** When the first module finished downloading, from the Resource Timing entry (since navigation start). */
export function firstModuleLoaded(): number {
  const entry = performance
    .getEntriesByType('resource')
    .find((candidate) => candidate.name.endsWith('/dist/sel-widgets.js')) as PerformanceResourceTiming | undefined;
  return entry?.responseEnd ?? NaN;
}

/** The plain page: complete when parsed (it has nothing else to fetch); first byte-complete when the document arrived. */
export function plainTimings(): { document: number; complete: number } {
  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
  return { document: navigation.responseEnd, complete: navigation.domContentLoadedEventEnd };
}

/**
 * tsx compiles this file keeping function names, with calls to an `__name` helper that exists in Node but
 * not in the page the functions are sent to: the page gets a do-nothing one before anything runs.
 */
export const NAME_HELPER = 'globalThis.__name = (target) => target;';
