import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadCatalog, loadedCatalog } from '../../i18n/catalogs.js';
import { formatMessage, type Language, type MessageKey, type Messages } from '../../i18n/messages.js';
import { resolveLanguage } from './resolve-language.js';
import { getConfig, onConfigChange } from '../../config.js';

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
 * Building an `Intl.DateTimeFormat` costs about a millisecond and the dates are formatted at every render,
 * hence at every keystroke in a password field: one formatter per language, built once.
 */
const dateFormats = new Map<Language, Intl.DateTimeFormat>();

function dateFormat(language: Language): Intl.DateTimeFormat {
  let format = dateFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long' });
    dateFormats.set(language, format);
  }
  return format;
}

/**
 * Gives an element its language and messages, and re-renders it when either changes. A language whose
 * catalog is not here yet (English, downloaded on first use) is shown once it has arrived: until then the
 * element keeps the language it showed, and before its first one it shows nothing (`ready` is false), so
 * that no message key and no text in the wrong language ever appears.
 */
export class LocaleController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  /** The language shown, whose catalog is `catalog`. */
  private current: Language = 'fr';
  private catalog: Messages | undefined;
  /** The language the element is in, which `current` becomes once its catalog is here. */
  private wanted: Language = 'fr';
  private unsubscribeConfig: (() => void) | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.host = host;
    host.addController(this);
  }

  get language(): Language {
    return this.current;
  }

  /** Whether a catalog is here to render with. */
  get ready(): boolean {
    return this.catalog !== undefined;
  }

  hostConnected(): void {
    this.show(resolveLanguage(this.host));
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
    if (language !== this.wanted) this.show(language);
  }

  private show(language: Language): void {
    this.wanted = language;
    const catalog = loadedCatalog(language);
    if (catalog) {
      this.use(language, catalog);
      return;
    }
    loadCatalog(language).then(
      (arrived) => {
        if (this.wanted === language) this.use(language, arrived);
      },
      (error: unknown) => {
        // French rather than nothing: the element stays usable, and the next change of `lang` retries.
        console.error(`<${this.host.localName}> could not download its ${language} messages.`, error);
        const french = loadedCatalog('fr');
        if (this.wanted === language && french && !this.catalog) this.use('fr', french);
      },
    );
  }

  private use(language: Language, catalog: Messages): void {
    if (this.current === language && this.catalog === catalog) return;
    this.current = language;
    this.catalog = catalog;
    this.host.requestUpdate();
  }

  /** The message in the language shown, with the portal's override if it set one. */
  msg(key: MessageKey, params?: Record<string, string | number>): string {
    const override = getConfig().messages?.[this.current]?.[key];
    // Before the first catalog (`ready` false) the element does not render; French is only a safe default.
    const catalog = this.catalog ?? loadedCatalog('fr');
    return formatMessage(override ?? catalog?.[key] ?? key, params);
  }

  formatDate(iso: string): string {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : dateFormat(this.current).format(date);
  }
}
