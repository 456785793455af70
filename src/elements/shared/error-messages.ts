import type { SelError } from '../../api/errors.js';
import type { MessageKey } from '../../i18n/messages.js';

const KEY_OF_KIND: Record<SelError['kind'], MessageKey> = {
  network: 'error.network',
  timeout: 'error.timeout',
  unauthorized: 'error.unauthorized',
  forbidden: 'error.forbidden',
  conflict: 'error.conflict',
  validation: 'error.validation',
  rate_limited: 'error.rateLimited',
  server: 'error.server',
  invalid_response: 'error.invalidResponse',
  not_configured: 'error.notConfigured',
};

/** The message key that explains a failure in words; sections refine it where they know more. */
export function messageKeyFor(error: SelError): MessageKey {
  if (error.code === 'missing_etag') return 'error.missingVersion';
  return KEY_OF_KIND[error.kind];
}
