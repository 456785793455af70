/**
 * The messages between the page and the strength worker (strength-worker.ts). One request at a
 * time is scored; each answer names the request it answers, so that the page can drop stale ones.
 */
import type { StrengthLanguage, StrengthResult } from '../../validation/password-strength.js';

export type StrengthRequest =
  /** Load the dictionaries of `language` now, ahead of the first score. */
  | { type: 'prepare'; language: StrengthLanguage }
  | { type: 'score'; id: number; language: StrengthLanguage; password: string; userInputs: string[] };

export type StrengthReply =
  | { type: 'ready'; language: StrengthLanguage }
  /** The dictionaries could not be loaded (a chunk that failed to download); a later `prepare` retries. */
  | { type: 'failed'; language: StrengthLanguage }
  | { type: 'scored'; id: number; result: StrengthResult }
  | { type: 'score-failed'; id: number };
