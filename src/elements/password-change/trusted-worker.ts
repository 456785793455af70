/**
 * The strength worker's script URL through a Trusted Types policy of the library's own, `sel-widgets`.
 * Under `require-trusted-types-for 'script'` a plain URL given to `new Worker()` is refused (a violation
 * report, then scores on the main thread); a portal allows this policy by name in its CSP
 * (`trusted-types sel-widgets …`) and the worker starts. The policy only ever vouches for the URL of the
 * library's own worker script: the one `createStrengthWorker` passes, resolved next to the library.
 */

interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}

interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL: (url: string) => string }): ScriptUrlPolicy;
}

export const TRUSTED_TYPES_POLICY = 'sel-widgets';

let policy: ScriptUrlPolicy | null | undefined;

function workerPolicy(): ScriptUrlPolicy | null {
  if (policy !== undefined) return policy;
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  try {
    // Only the worker script beside this module, a same-origin `.js` (or `.ts` in development) file.
    policy = factory?.createPolicy(TRUSTED_TYPES_POLICY, { createScriptURL: vouchForWorkerScript }) ?? null;
  } catch {
    // The page's CSP does not allow the name: the Worker constructor refuses the URL, and scores run here.
    policy = null;
  }
  return policy;
}

function vouchForWorkerScript(url: string): string {
  const parsed = new URL(url, import.meta.url);
  if (parsed.origin !== new URL(import.meta.url).origin || !/\.(?:js|ts)$/.test(parsed.pathname)) {
    throw new TypeError('The sel-widgets policy only vouches for the strength worker script.');
  }
  return parsed.href;
}

/**
 * `Worker` with its URL passed through the policy, made when first needed (a page without workers never
 * evaluates `extends Worker`). The strength engine names it `Worker` so that
 * `new Worker(new URL('./strength-worker.ts', import.meta.url), …)` keeps the exact text by which bundlers
 * (Vite, webpack, Parcel) find the worker script and bundle it.
 */
export function trustedWorkerClass(): typeof Worker {
  return class TrustedWorker extends globalThis.Worker {
    constructor(url: string | URL, options?: WorkerOptions) {
      const trusted = workerPolicy()?.createScriptURL(String(url));
      super((trusted ?? url) as string | URL, options);
    }
  };
}
