/**
 * Where zxcvbn scores run. A score of a long password takes tens of milliseconds (bench/strength.ts),
 * more than a frame: on the main thread it would delay the next keystroke. So scores run in a module Web
 * Worker, one per page, created the first time a password field gets focus; the dictionaries load inside it.
 *
 * When no worker can run (a Content-Security-Policy whose `worker-src` leaves the script out, the library
 * served from another origin than the page, a worker script that fails to load, a worker that cannot load
 * its dictionaries), the engine falls back to scoring on the main thread, through the same lazy loader,
 * and says so with `offMainThread`, so that the caller can wait for a pause in the typing before scoring.
 */
import { loadStrengthScorer, type StrengthLanguage, type StrengthResult } from '../../validation/password-strength.js';
import type { StrengthReply, StrengthRequest } from './strength-protocol.js';
import { trustedWorkerClass } from './trusted-worker.js';

export interface StrengthEngine {
  /** Whether scores run off the main thread (false from the moment the worker failed). */
  readonly offMainThread: boolean;
  /** Loads the dictionaries of `language`; rejects when they cannot be had. */
  prepare(language: StrengthLanguage): Promise<void>;
  score(language: StrengthLanguage, password: string, userInputs: string[]): Promise<StrengthResult>;
}

/** Scores on the main thread: the fallback when no worker can run. */
export const mainThreadStrengthEngine: StrengthEngine = {
  offMainThread: false,
  async prepare(language) {
    await loadStrengthScorer(language);
  },
  async score(language, password, userInputs) {
    return (await loadStrengthScorer(language)).score(password, userInputs);
  },
};

/** What the engine needs of a worker: `Worker` itself, or a test double. */
export type StrengthWorker = Pick<Worker, 'postMessage' | 'terminate' | 'addEventListener'>;

interface PendingScore {
  language: StrengthLanguage;
  password: string;
  userInputs: string[];
  resolve: (result: StrengthResult) => void;
  reject: (error: unknown) => void;
}

interface PendingPrepare {
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class WorkerStrengthEngine implements StrengthEngine {
  private readonly createWorker: () => StrengthWorker;
  private readonly fallback: StrengthEngine;
  private worker: StrengthWorker | undefined;
  private failedOver = false;
  private nextId = 1;
  /** Requests the worker has not answered yet: on a failover, the main thread answers them instead. */
  private readonly scores = new Map<number, PendingScore>();
  private readonly prepares = new Map<StrengthLanguage, PendingPrepare[]>();

  constructor(createWorker: () => StrengthWorker, fallback: StrengthEngine = mainThreadStrengthEngine) {
    this.createWorker = createWorker;
    this.fallback = fallback;
  }

  get offMainThread(): boolean {
    return !this.failedOver;
  }

  prepare(language: StrengthLanguage): Promise<void> {
    const worker = this.start();
    if (!worker) return this.fallback.prepare(language);
    return new Promise<void>((resolve, reject) => {
      const waiting = this.prepares.get(language) ?? [];
      waiting.push({ resolve, reject });
      this.prepares.set(language, waiting);
      if (waiting.length === 1) this.send(worker, { type: 'prepare', language });
    });
  }

  score(language: StrengthLanguage, password: string, userInputs: string[]): Promise<StrengthResult> {
    const worker = this.start();
    if (!worker) return this.fallback.score(language, password, userInputs);
    const id = this.nextId++;
    return new Promise<StrengthResult>((resolve, reject) => {
      this.scores.set(id, { language, password, userInputs, resolve, reject });
      this.send(worker, { type: 'score', id, language, password, userInputs });
    });
  }

  /** The worker, created on first use: never with the page, only once a password field is used. */
  private start(): StrengthWorker | undefined {
    if (this.failedOver) return undefined;
    if (this.worker) return this.worker;
    let worker: StrengthWorker;
    try {
      worker = this.createWorker();
    } catch {
      // Thrown at once for a script on another origin than the page, or where workers do not exist.
      this.failedOver = true;
      return undefined;
    }
    worker.addEventListener('message', (event: MessageEvent<StrengthReply>) => this.receive(event.data));
    // A script blocked by the page's CSP, missing, or broken: an `error` event, and no answer ever after.
    worker.addEventListener('error', (event: Event) => {
      event.preventDefault();
      this.failOver();
    });
    worker.addEventListener('messageerror', () => this.failOver());
    this.worker = worker;
    return worker;
  }

  private send(worker: StrengthWorker, request: StrengthRequest): void {
    try {
      worker.postMessage(request);
    } catch {
      this.failOver();
    }
  }

  private receive(reply: StrengthReply): void {
    if (reply.type === 'failed' || reply.type === 'score-failed') {
      // What the worker could not load or score, the main thread tries: when the library is re-bundled by
      // a portal's own bundler, the worker may be copied without the chunks it imports.
      this.failOver();
      return;
    }
    if (reply.type === 'ready') {
      const waiting = this.prepares.get(reply.language) ?? [];
      this.prepares.delete(reply.language);
      for (const pending of waiting) pending.resolve();
      return;
    }
    const pending = this.scores.get(reply.id);
    this.scores.delete(reply.id);
    pending?.resolve(reply.result);
  }

  /** From now on the main thread scores; whatever the worker was asked and did not answer is asked again. */
  private failOver(): void {
    if (this.failedOver) return;
    this.failedOver = true;
    this.worker?.terminate();
    this.worker = undefined;
    for (const [language, waiting] of this.prepares) {
      const preparing = this.fallback.prepare(language);
      for (const pending of waiting) preparing.then(pending.resolve, pending.reject);
    }
    this.prepares.clear();
    for (const pending of this.scores.values()) {
      this.fallback.score(pending.language, pending.password, pending.userInputs).then(pending.resolve, pending.reject);
    }
    this.scores.clear();
  }
}

/**
 * The literal `new Worker(new URL('…', import.meta.url), { type: 'module' })` is the form bundlers (Vite,
 * webpack, Parcel) recognise and bundle as a worker chunk beside the library. The `.ts` specifier is the
 * source file, which both Vite and the test runner's TypeScript transform resolve. `Worker` here is the
 * Trusted Types aware one (trusted-worker.ts), so that the same text works under a Trusted Types CSP.
 */
export function createStrengthWorker(): Worker {
  const Worker = trustedWorkerClass();
  return new Worker(new URL('./strength-worker.ts', import.meta.url), {
    type: 'module',
    name: 'sel-password-strength',
  });
}

let shared: StrengthEngine | undefined;

/** One engine, hence one worker and one copy of the dictionaries, for every element of the page. */
export function sharedStrengthEngine(): StrengthEngine {
  shared ??= new WorkerStrengthEngine(createStrengthWorker);
  return shared;
}
