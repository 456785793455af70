/** Every way a request to the backend can fail, as the contract names them. */
export const SEL_ERROR_KINDS = [
  'network',
  'timeout',
  'unauthorized',
  'forbidden',
  'conflict',
  'validation',
  'rate_limited',
  'server',
  'invalid_response',
  'not_configured',
] as const;

export type SelErrorKind = (typeof SEL_ERROR_KINDS)[number];

export interface FieldError {
  field: string;
  code: string;
}

export interface SelErrorDetails {
  status?: number;
  code?: string;
  /** The server's `detail`: plain text for a person, shown for codes this library does not know. */
  detail?: string;
  fieldErrors?: FieldError[];
  violations?: string[];
  retryAfterSeconds?: number;
  cause?: unknown;
}

/**
 * The one error type adapters reject with. Its message is for developers' logs and never carries what
 * the person typed: the request body (a password, a phone number) is never copied into it.
 */
export class SelError extends Error {
  override readonly name = 'SelError';
  readonly kind: SelErrorKind;
  readonly status?: number;
  readonly code?: string;
  readonly detail?: string;
  readonly fieldErrors?: FieldError[];
  readonly violations?: string[];
  readonly retryAfterSeconds?: number;

  constructor(kind: SelErrorKind, message: string, details: SelErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    if (details.status !== undefined) this.status = details.status;
    if (details.code !== undefined) this.code = details.code;
    if (details.detail !== undefined) this.detail = details.detail;
    if (details.fieldErrors !== undefined) this.fieldErrors = details.fieldErrors;
    if (details.violations !== undefined) this.violations = details.violations;
    if (details.retryAfterSeconds !== undefined) this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

export function isSelError(value: unknown): value is SelError {
  return value instanceof SelError;
}

/** True for the rejection an aborted request produces: not a failure, nothing to show. */
export function isAbortError(value: unknown): boolean {
  return value instanceof DOMException && value.name === 'AbortError';
}
