/**
 * The demo "Mon compte" page: the elements against the mock backend (MSW in a service worker over a
 * MemoryAdapter kept in sessionStorage, so changes survive a reload but not the end of the session).
 */
import { setupWorker } from 'msw/browser';
import { MemoryAdapter, type MemoryFaultKind, type MemoryOperation } from '../src/mocks/memory-adapter.js';
import { createSelHandlers } from '../src/mocks/handlers.js';
import type { SelErrorDetail } from '../src/elements/shared/events.js';
import { chrome, type DemoLanguage } from './texts.js';

const STORAGE_KEY = 'sel-demo-backend';
/** A fault armed for the next load: the reload that makes that load starts a new backend, so it is kept here. */
const LOAD_FAULT_KEY = 'sel-demo-load-fault';
const backend = new MemoryAdapter({ latencyMs: 350, persist: { storage: sessionStorage, key: STORAGE_KEY } });
const armedLoadFault = sessionStorage.getItem(LOAD_FAULT_KEY) as MemoryFaultKind | null;
sessionStorage.removeItem(LOAD_FAULT_KEY);
if (armedLoadFault) backend.setFault('load', { kind: armedLoadFault, once: true, retryAfterSeconds: 15 });

await setupWorker(...createSelHandlers({ backend, baseUrl: '/api/sel' })).start({
  quiet: true,
  onUnhandledRequest: 'bypass',
});
// The elements load only once the mock server answers, so their first GET reaches it.
await import('../src/index.js');

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function currentLanguage(): DemoLanguage {
  return document.documentElement.lang === 'en' ? 'en' : 'fr';
}

function applyLanguage(language: DemoLanguage): void {
  document.documentElement.lang = language;
  localStorage.setItem('sel-demo-lang', language);
  const texts = chrome[language];
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = node.dataset['i18n'] as keyof typeof texts;
    if (texts[key]) node.textContent = texts[key];
  }
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
    const key = node.dataset['i18nLabel'] as keyof typeof texts;
    if (texts[key]) node.setAttribute('aria-label', texts[key]);
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset['lang'] === language));
  }
  document.title = texts.documentTitle;
}

function showDemoState(): void {
  byId('demo-password').textContent = backend.currentPassword;
  byId('user-name').textContent = backend.account.displayName;
}

/** The operation whose fault is armed and has not fired yet. */
let armed: MemoryOperation | undefined = armedLoadFault ? 'load' : undefined;

function operationOf(detail: SelErrorDetail): MemoryOperation {
  if (detail.operation === 'load') return 'load';
  return detail.section === 'password' ? 'password' : 'save';
}

function logEvent(event: Event): void {
  const detail = (event as CustomEvent).detail as unknown;
  // The armed fault has fired (every fault ends in a sel-error): « Panne programmée » no longer holds.
  if (event.type === 'sel-error' && armed === operationOf(detail as SelErrorDetail)) {
    armed = undefined;
    byId('demo-status').textContent = '';
  }
  const item = document.createElement('li');
  item.textContent = `${event.type} ${JSON.stringify(detail)}`;
  byId('event-log').prepend(item);
  showDemoState();
}

for (const type of ['sel-saved', 'sel-error', 'sel-unauthorized'] as const) document.addEventListener(type, logEvent);

document.addEventListener('sel-unauthorized', () => {
  const banner = byId('session-banner');
  banner.textContent = chrome[currentLanguage()].sessionExpired;
  banner.hidden = false;
});

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
  button.addEventListener('click', () => applyLanguage(button.dataset['lang'] === 'en' ? 'en' : 'fr'));
}

byId('fault-arm').addEventListener('click', () => {
  const operation = byId<HTMLSelectElement>('fault-operation').value as MemoryOperation;
  const kind = byId<HTMLSelectElement>('fault-kind').value as MemoryFaultKind;
  const texts = chrome[currentLanguage()];
  if (operation === 'load') {
    // The page loads the account once: the fault waits in the session for the reload that loads it again.
    sessionStorage.setItem(LOAD_FAULT_KEY, kind);
    armed = undefined;
    byId('demo-status').textContent = texts.faultArmedLoad;
    return;
  }
  backend.setFault(operation, { kind, once: true, retryAfterSeconds: 15 });
  armed = operation;
  byId('demo-status').textContent = texts.faultArmed;
});

byId('demo-reset').addEventListener('click', () => {
  sessionStorage.removeItem(STORAGE_KEY);
  location.reload();
});

applyLanguage(localStorage.getItem('sel-demo-lang') === 'en' ? 'en' : 'fr');
showDemoState();
