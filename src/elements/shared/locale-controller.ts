import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { fr } from '../../i18n/fr.js';
import { en } from '../../i18n/en.js';
import { formatMessage, type Language, type MessageKey, type Messages } from '../../i18n/messages.js';
import { resolveLanguage } from './resolve-language.js';
import { getConfig, onConfigChange } from '../../config.js';

const CATALOGS: Record<Language, Messages> = { fr, en };

/** One observer for the whole page: a `lang` change anywhere re-resolves every connected element. */
const hosts = new Set<LocaleController>();
let observer: MutationObserver | undefined;

function watchLangChanges(): void {
  if (observer) return;
  observer = new MutationObserver(() => {
    for (const controller of hosts) controller.refresh();
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/**
 * Building an `Intl.DateTimeFormat` costs about a millisecond, and formatting a date a fraction of one; the
 * dates are formatted at every render, hence at every keystroke in a password field (scripts/bench-render.ts):
 * one formatter per language, built once, and each date formatted once.
 */
const dateFormats = new Map<Language, Intl.DateTimeFormat>();
const formattedDates = new Map<string, string>();

function dateFormat(language: Language): Intl.DateTimeFormat {
  let format = dateFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long' });
    dateFormats.set(language, format);
  }
  return format;
}

/** Gives an element its language and messages, and re-renders it when either changes. */
export class LocaleController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private current: Language = 'fr';
  private unsubscribeConfig: (() => void) | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.host = host;
    host.addController(this);
  }

  get language(): Language {
    return this.current;
  }

  hostConnected(): void {
    this.current = resolveLanguage(this.host);
    hosts.add(this);
    watchLangChanges();
    this.unsubscribeConfig = onConfigChange(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    hosts.delete(this);
    this.unsubscribeConfig?.();
  }

  refresh(): void {
    const language = resolveLanguage(this.host);
    if (language !== this.current) {
      this.current = language;
      this.host.requestUpdate();
    }
  }

  /** The message in the element's language, with the portal's override if it set one. */
  msg(key: MessageKey, params?: Record<string, string | number>): string {
    const override = getConfig().messages?.[this.current]?.[key];
    return formatMessage(override ?? CATALOGS[this.current][key], params);
  }

  formatDate(iso: string): string {
    const key = `${this.current} ${iso}`;
    let formatted = formattedDates.get(key);
    if (formatted === undefined) {
      const date = new Date(iso);
      formatted = Number.isNaN(date.getTime()) ? iso : dateFormat(this.current).format(date);
      // An account has a handful of dates; the bound only guards a page that shows many accounts in turn.
      if (formattedDates.size >= 64) formattedDates.clear();
      formattedDates.set(key, formatted);
    }
    return formatted;
  }
}
