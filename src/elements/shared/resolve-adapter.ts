import type { SelAdapter } from '../../api/adapter.js';
import { isAllowedOrigin } from '../../api/origins.js';
import { RestAdapter } from '../../api/rest-adapter.js';
import { getConfig } from '../../config.js';

const restAdapters = new Map<string, RestAdapter>();

/** One `RestAdapter` per base URL, so that elements with the same `api-base` share one account state. */
export function adapterForBase(apiBase: string): RestAdapter {
  const key = apiBase.trim().replace(/\/+$/, '');
  let adapter = restAdapters.get(key);
  if (!adapter) {
    adapter = new RestAdapter({ baseUrl: key });
    restAdapters.set(key, adapter);
  }
  return adapter;
}

/** The contract's order: the `adapter` property, the `api-base` attribute, then `configure()`. */
export function resolveAdapter(own: {
  adapter?: SelAdapter | undefined;
  apiBase?: string | undefined;
}): SelAdapter | undefined {
  if (own.adapter) return own.adapter;
  if (own.apiBase?.trim()) {
    // Markup alone must not send the page's token or a password elsewhere: another origin needs the
    // portal's own word, `configure({ allowedOrigins })`. Until then the element is not configured.
    return isAllowedOrigin(own.apiBase.trim()) ? adapterForBase(own.apiBase) : undefined;
  }
  const config = getConfig();
  if (config.adapter) return config.adapter;
  if (config.apiBase?.trim()) return adapterForBase(config.apiBase);
  return undefined;
}
