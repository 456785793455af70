/**
 * The module Web Worker that scores passwords off the main thread: a zxcvbn score of a long password
 * takes tens of milliseconds (bench/strength.ts), more than a frame, so on the main thread it would
 * delay the next keystroke. The dictionaries load here, on the first `prepare` or `score`, through the
 * same lazy loader as the main-thread fallback.
 *
 * Nothing here keeps a password once it is scored, and nothing is logged: every failure is answered as a
 * message without the text it was about.
 */
import { loadStrengthScorer } from '../../validation/password-strength.js';
import type { StrengthReply, StrengthRequest } from './strength-protocol.js';

/** The worker's global scope, typed by what is used: the project's `lib` is the DOM's, not the worker's. */
const scope = self as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<StrengthRequest>) => void): void;
  postMessage(message: StrengthReply): void;
};

async function answer(request: StrengthRequest): Promise<StrengthReply> {
  if (request.type === 'prepare') {
    try {
      await loadStrengthScorer(request.language);
      return { type: 'ready', language: request.language };
    } catch {
      return { type: 'failed', language: request.language };
    }
  }
  try {
    const scorer = await loadStrengthScorer(request.language);
    return { type: 'scored', id: request.id, result: scorer.score(request.password, request.userInputs) };
  } catch {
    return { type: 'score-failed', id: request.id };
  }
}

scope.addEventListener('message', (event) => {
  void answer(event.data).then((reply) => scope.postMessage(reply));
});
