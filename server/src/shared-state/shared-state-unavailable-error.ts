/**
 * The shared state (Redis) did not answer in time or refused the command. Thrown instead of waiting, so
 * that a request fails quickly with a 503 and `Retry-After` rather than hanging while Redis is down. The
 * message names no key: keys hold session ids and user ids.
 */
export class SharedStateUnavailableError extends Error {
  override readonly name = 'SharedStateUnavailableError';
  readonly status = 503;
  constructor(
    readonly retryAfterSeconds: number,
    options?: { cause?: unknown },
  ) {
    super('The shared state (Redis) cannot be reached.', options);
  }
}
