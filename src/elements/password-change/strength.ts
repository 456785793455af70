/**
 * The strength meter of `<sel-password-change>`: its controller, which loads the zxcvbn dictionaries the
 * first time a password field gets focus (never with the page) and scores the new password as the person
 * types, and its view, a `role="meter"` named « Robustesse du nouveau mot de passe » whose value text is the
 * level in words (« Très faible » … « Très fort »), the same word beside it, and zxcvbn's advice. While the
 * dictionaries load, the meter and the word say so.
 *
 * Scores run in a Web Worker (strength-engine.ts): typing never waits for them. Only the latest value is
 * scored: while one score is on its way, newer keystrokes replace the value waiting for the next, and a
 * result for a value that has changed since is dropped. Where no worker can run, scores run on the main
 * thread once typing pauses, so that a score (tens of milliseconds on a long password) never runs between
 * two keystrokes of a fast typist.
 *
 * The controller holds the password to score only until it is scored, and forgets it (and the result) on
 * `clear()`.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { MessageKey } from '../../i18n/messages.js';
import type { StrengthStatus } from '../../validation/password-checklist.js';
import type { StrengthLanguage, StrengthResult } from '../../validation/password-strength.js';
import { sharedStrengthEngine, type StrengthEngine } from './strength-engine.js';

type Msg = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The meter's levels in words, by zxcvbn score. */
export const STRENGTH_LEVELS: readonly MessageKey[] = [
  'password.strength.0',
  'password.strength.1',
  'password.strength.2',
  'password.strength.3',
  'password.strength.4',
];

/** On the main thread: long enough to fall between the keystrokes of a fast typist, short enough to feel immediate. */
export const SCORE_DELAY_MS = 150;
/** On the main thread, up to this length a first score runs at once (bench/strength.ts: a few ms). */
const IMMEDIATE_SCORE_MAX_LENGTH = 8;
/** A submit waits this long at most for the dictionaries; after that the server has the last word. */
export const SUBMIT_WAIT_MS = 5000;

interface ScoreRequest {
  password: string;
  userInputs: string[];
}

export class PasswordStrengthController implements ReactiveController {
  /** Where scores run; every element shares one. Replaceable for tests and for portals that forbid workers. */
  static engine: () => StrengthEngine = sharedStrengthEngine;

  status: StrengthStatus = 'idle';
  /** The score of the value last scored; undefined while the field is empty or the value is still being scored. */
  result: StrengthResult | undefined;

  private readonly host: ReactiveControllerHost;
  private engine: StrengthEngine | undefined;
  private language: StrengthLanguage | undefined;
  private loading: Promise<boolean> | undefined;
  /** The latest value, not yet sent to the engine. */
  private waiting: ScoreRequest | undefined;
  /** The value whose score is on its way: the next one waits for it, so that the engine only scores the latest. */
  private inFlight: ScoreRequest | undefined;
  /** Moves on whenever results on their way must be dropped (cleared, language changed, submit scoring). */
  private epoch = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  /** Starts loading the dictionaries of `language`, unless they are loaded or on their way. True once ready. */
  prepare(language: StrengthLanguage): Promise<boolean> {
    if (this.language === language && this.loading && this.status !== 'failed') return this.loading;
    if (this.language !== language) {
      // Feedback in the former language must not land after the switch.
      this.epoch++;
      this.result = undefined;
    }
    this.language = language;
    this.status = 'loading';
    this.host.requestUpdate();
    const loading = this.engineInUse()
      .prepare(language)
      .then(
        () => {
          if (this.language !== language) return false;
          this.status = 'ready';
          this.host.requestUpdate();
          this.pump();
          return true;
        },
        () => {
          if (this.language !== language) return false;
          // A chunk that failed to download: the meter says so, the server still checks the password.
          this.status = 'failed';
          this.host.requestUpdate();
          return false;
        },
      );
    this.loading = loading;
    return loading;
  }

  /** The language whose dictionaries were asked for, if any: a change of page language reloads. */
  get preparedLanguage(): StrengthLanguage | undefined {
    return this.language;
  }

  /** Scores `password` soon; an empty password clears the meter at once. */
  schedule(password: string, userInputs: string[]): void {
    this.cancelTimer();
    if (password === '') {
      this.waiting = undefined;
      this.result = undefined;
      // A score on its way is for a value no longer in the field.
      this.epoch++;
      this.host.requestUpdate();
      return;
    }
    const request = { password, userInputs };
    // Asked again for the value being scored (the dictionaries arrived while it was typed): once is enough.
    if (!this.waiting && this.inFlight && sameRequest(this.inFlight, request)) return;
    this.waiting = request;
    const offMainThread = this.engineInUse().offMainThread;
    // On the main thread the first characters still score at once: they take well under a frame.
    if (offMainThread || (this.result === undefined && password.length <= IMMEDIATE_SCORE_MAX_LENGTH)) {
      this.pump();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, SCORE_DELAY_MS);
  }

  /**
   * The score of `password` now, for a submit: waits for the dictionaries (loading them if nobody focused
   * a field, as when a password manager filled the form), then for the score, at most `SUBMIT_WAIT_MS`
   * each. Undefined when they cannot be had: a scorer that never answers must not leave « Valider » waiting.
   */
  async scoreNow(
    password: string,
    userInputs: string[],
    language: StrengthLanguage,
  ): Promise<StrengthResult | undefined> {
    this.cancelTimer();
    this.waiting = undefined;
    const epoch = ++this.epoch;
    const ready =
      (this.status === 'ready' && this.language === language) ||
      (await Promise.race([this.prepare(language), delay(SUBMIT_WAIT_MS)]));
    if (!ready || epoch !== this.epoch) return undefined;
    let result: StrengthResult | undefined;
    try {
      result =
        password === ''
          ? undefined
          : await Promise.race([
              this.engineInUse().score(language, password, userInputs),
              delay(SUBMIT_WAIT_MS).then(() => undefined),
            ]);
    } catch {
      return undefined;
    }
    if (epoch !== this.epoch) return undefined;
    this.result = result;
    this.host.requestUpdate();
    return result;
  }

  /** Forgets the password waiting to be scored and the last result; the dictionaries stay loaded. */
  clear(): void {
    this.cancelTimer();
    this.waiting = undefined;
    this.result = undefined;
    this.epoch++;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.clear();
  }

  /** The level in words, or what the meter is doing instead. */
  private word(typed: boolean): MessageKey {
    if (this.status === 'failed') return 'password.strength.unavailable';
    if (this.status === 'loading') return 'password.strength.loading';
    if (!typed) return 'password.strength.empty';
    // Typed and the dictionaries here: the first score may still be on its way (a few milliseconds).
    return this.result ? (STRENGTH_LEVELS[this.result.score] ?? 'password.strength.0') : 'password.strength.loading';
  }

  /**
   * The meter for a new password field that holds something (`typed`) or not. `labelId`: the id its label
   * gets, in the id space of the form (light DOM), for `aria-labelledby`.
   */
  render(typed: boolean, labelId: string, msg: Msg): TemplateResult {
    const result = typed ? this.result : undefined;
    const word = msg(this.word(typed));
    const suggestions = result?.suggestions ?? [];
    return html`<div class="sel-pc-strength">
      <div class="sel-pc-strength-line">
        <span class="sel-pc-strength-label" id=${labelId}>${msg('password.strength.label')}</span>
        <div
          class="sel-pc-meter"
          role="meter"
          aria-labelledby=${labelId}
          aria-valuemin="0"
          aria-valuemax="4"
          aria-valuenow=${result?.score ?? 0}
          aria-valuetext=${word}
          aria-busy=${typed && !result && this.status !== 'failed' ? 'true' : 'false'}
        >
          <span class="sel-pc-meter-bar" data-score=${ifDefined(result?.score)}></span>
        </div>
        <span class="sel-pc-strength-word" aria-hidden="true">${word}</span>
      </div>
      <div class="sel-pc-feedback">
        ${result?.warning ? html`<p>${result.warning}</p>` : nothing}
        ${
          suggestions.length > 0
            ? html`<ul class="sel-pc-feedback-list">
                ${suggestions.map((suggestion) => html`<li>${suggestion}</li>`)}
              </ul>`
            : nothing
        }
      </div>
    </div>`;
  }

  private engineInUse(): StrengthEngine {
    this.engine ??= PasswordStrengthController.engine();
    return this.engine;
  }

  /** Sends the latest value to the engine, unless a score is already on its way (it calls again when done). */
  private pump(): void {
    const request = this.waiting;
    const language = this.language;
    if (this.inFlight || !request || this.status !== 'ready' || !language) return;
    this.waiting = undefined;
    this.inFlight = request;
    const epoch = this.epoch;
    void this.engineInUse()
      .score(language, request.password, request.userInputs)
      .then(
        (result) => {
          // Stale when the value changed since (a newer one waits) or the meter was cleared meanwhile.
          if (epoch !== this.epoch || this.waiting) return;
          // The meter already says this (most keys of a long password): no second render for the keystroke.
          if (this.result && sameResult(this.result, result)) return;
          this.result = result;
          this.host.requestUpdate();
        },
        () => {
          // One value that could not be scored: the meter keeps its last word, the next keystroke tries again.
        },
      )
      .finally(() => {
        this.inFlight = undefined;
        // On the main thread a newer value waits for its pause in the typing: its timer sends it.
        if (this.timer === undefined) this.pump();
      });
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

function sameRequest(a: ScoreRequest, b: ScoreRequest): boolean {
  return a.password === b.password && a.userInputs.join('\n') === b.userInputs.join('\n');
}

function sameResult(a: StrengthResult, b: StrengthResult): boolean {
  return (
    a.score === b.score &&
    a.warning === b.warning &&
    a.suggestions.length === b.suggestions.length &&
    a.suggestions.every((suggestion, index) => suggestion === b.suggestions[index])
  );
}

function delay(ms: number): Promise<false> {
  return new Promise((resolve) => setTimeout(() => resolve(false), ms));
}
