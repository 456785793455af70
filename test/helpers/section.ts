/**
 * What a person does with any section element, and what they see of it: the helpers every element's tests
 * share. An element is read the way a screen reader reads it (roles, names, descriptions), through its shadow
 * root and its light DOM together (the password form lives in the page's DOM so that password managers reach it).
 */
import { expect, fixtureCleanup } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ReactiveElement } from 'lit';
import { resetConfig } from '../../src/config.js';
import { recordEvents } from './events.js';
import type { TestBackend } from './mock-backend.js';
import { accessibleName, deepActiveElement, getByRole, queryAllByRole, visibleText } from './queries.js';

export type Role = Parameters<typeof getByRole>[1];

/** Everything of one element with `role` (and `name`): its shadow root first, then its light DOM. */
export function allByRole(el: Element, role: Role, name?: string | RegExp): HTMLElement[] {
  return [...(el.shadowRoot ? queryAllByRole(el.shadowRoot, role, name) : []), ...queryAllByRole(el, role, name)];
}

export function byRole(el: Element, role: Role, name?: string | RegExp): HTMLElement {
  const found = allByRole(el, role, name)[0];
  if (found) return found;
  throw new Error(`No ${role} named ${String(name)} in <${el.localName}>: ${visibleText(el)}`);
}

export function button(el: Element, name: string | RegExp): HTMLButtonElement {
  return byRole(el, 'button', name) as HTMLButtonElement;
}

export function textbox(el: Element, name: string | RegExp): HTMLInputElement {
  return byRole(el, 'textbox', name) as HTMLInputElement;
}

/** Clicks the button named `name`, then lets the element render. */
export async function press(el: ReactiveElement, name: string | RegExp): Promise<void> {
  button(el, name).click();
  await el.updateComplete;
}

/** Types as a person does, key by key, into a field emptied first. */
export async function retype(el: ReactiveElement, input: HTMLInputElement, text: string): Promise<void> {
  input.focus();
  input.select();
  await sendKeys({ press: 'Backspace' });
  if (text) await sendKeys({ type: text });
  await el.updateComplete;
}

/** Fills a field the way a password manager or a paste does: the whole value at once, one `input` event. */
export async function fill(el: ReactiveElement, input: HTMLInputElement, text: string): Promise<void> {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Ctrl+A in the focused field. */
export async function selectAllText(): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'a' });
  await sendKeys({ up: 'Control' });
}

/** Presses Tab until `target` has focus, as a keyboard user would (at most `limit` times). */
export async function tabTo(target: () => Element, limit = 15): Promise<void> {
  for (let count = 0; count < limit; count++) {
    if (deepActiveElement() === target()) return;
    await sendKeys({ press: 'Tab' });
  }
  expect(deepActiveElement()).to.equal(target());
}

/**
 * What has focus, as a screen reader announces it: role (or tag) and name. A string, so that a failure says
 * where focus is instead of making chai describe two DOM trees.
 */
export function focused(): string {
  const element = deepActiveElement();
  if (!element) return 'nothing';
  return `${element.getAttribute('role') ?? element.localName}: ${accessibleName(element).replace(/\s+/g, ' ').trim()}`;
}

const flat = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** The element's first alert, as read aloud. */
export function alertText(el: Element): string {
  return flat(byRole(el, 'alert').textContent);
}

/** Everything the element's live status regions say now. */
export function statusText(el: Element): string {
  return flat(
    allByRole(el, 'status')
      .map((region) => region.textContent ?? '')
      .join(' '),
  );
}

/** The text of what describes a field, in order: what a screen reader reads after its name. */
export function describedText(input: HTMLElement): string {
  const scope = input.getRootNode() as Document | ShadowRoot;
  return flat(
    (input.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter((id) => id !== '')
      .map((id) => scope.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

/** The requests of `method` that reached the test backend, in order. */
export function requestsOf(setup: TestBackend, method: 'GET' | 'PATCH' | 'POST') {
  return setup.requests.filter((request) => request.method === method);
}

export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

/** A promise settled by the test: to hold a download or a request at the moment under test. */
export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Rejected before the element listens is not "unhandled": the element reads it when it gets there.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/**
 * Counts the page's fetches of modules whose path matches `pattern`, from the first module on (an observer:
 * the resource timing buffer fills up). Call at the top of a test file, before the elements are imported
 * by anything but the file's own static imports.
 */
export function countFetches(pattern: RegExp): () => number {
  performance.setResourceTimingBufferSize(10_000);
  const matches = (entries: PerformanceEntryList) =>
    entries.filter((entry) => pattern.test(new URL(entry.name).pathname)).length;
  let count = matches(performance.getEntriesByType('resource'));
  new PerformanceObserver((list) => (count += matches(list.getEntries()))).observe({ type: 'resource' });
  return () => count;
}

/**
 * The setup every section test file shares: the events the elements send, recorded as a portal listening on
 * `document` receives them; each test's elements removed and the page's configuration reset after it.
 */
export function sectionTestSetup(): { readonly events: ReturnType<typeof recordEvents> } {
  let events: ReturnType<typeof recordEvents> | undefined;
  beforeEach(() => {
    events = recordEvents();
  });
  afterEach(() => {
    events?.stop();
    fixtureCleanup();
    resetConfig();
  });
  return {
    get events() {
      if (!events) throw new Error('events are recorded inside a test only');
      return events;
    },
  };
}
