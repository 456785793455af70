/**
 * Two builds into dist/:
 * - `npm` (default): one ES module per package entry, dependencies left as imports for the portal's bundler.
 * - `standalone`: dist/sel-widgets.js, self-contained for a page without a build step; lazy chunks (the
 *   phone rules, the password strength worker and its dictionaries) sit beside it and load relative to it.
 */
import { defineConfig, type Plugin } from 'vite';

const NPM_ENTRIES = {
  index: 'src/index.ts',
  'sel-general-info': 'src/sel-general-info.ts',
  'sel-phones': 'src/sel-phones.ts',
  'sel-redlist': 'src/sel-redlist.ts',
  'sel-password-change': 'src/sel-password-change.ts',
  core: 'src/core.ts',
  adapters: 'src/adapters.ts',
  mocks: 'src/mocks.ts',
};

/**
 * The standalone file carries its own copy of Lit, whose Trusted Types policy is named `lit-html`. A portal
 * page with its own Lit creates that name first, and under `trusted-types … lit-html` (without
 * 'allow-duplicates') a second policy of the same name throws: the library would not load. Our copy's
 * policy gets a name of the library's own, which the portal's CSP allows beside `lit-html`.
 */
export const OWN_LIT_POLICY = 'sel-widgets-lit';

function ownLitPolicyName(): Plugin {
  return {
    name: 'sel-widgets:own-lit-policy',
    transform(code, id) {
      if (!/[\\/]lit-html[\\/]/.test(id) || !code.includes('createPolicy')) return null;
      const renamed = code.replace(/createPolicy\((["'])lit-html\1/g, `createPolicy("${OWN_LIT_POLICY}"`);
      return renamed === code ? null : { code: renamed, map: null };
    },
  };
}

const isExternal = (id: string) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

export default defineConfig(({ mode }) => {
  const standalone = mode === 'standalone';
  const chunkFileNames = standalone ? 'sel-widgets-[name]-[hash].js' : 'chunks/[name]-[hash].js';
  // The worker's own chunks are named apart so that the size budget of the first password focus counts the
  // files the worker fetches, not the main-thread fallback's copies.
  const workerFileNames = standalone ? 'sel-widgets-worker-[name]-[hash].js' : 'chunks/worker-[name]-[hash].js';
  return {
    // Relative: the worker's URL is resolved against the module that creates it, wherever a portal serves dist/.
    base: './',
    publicDir: false,
    plugins: standalone ? [ownLitPolicyName()] : [],
    // An ES module worker can import its language dictionary lazily; a classic one would hold both languages.
    worker: {
      format: 'es',
      rolldownOptions: { output: { entryFileNames: workerFileNames, chunkFileNames: workerFileNames } },
    },
    build: {
      outDir: 'dist',
      emptyOutDir: !standalone,
      copyPublicDir: false,
      target: 'es2022',
      minify: standalone,
      sourcemap: true,
      lib: standalone
        ? { entry: { 'sel-widgets': 'src/index.ts' }, formats: ['es'], fileName: (_format, name) => `${name}.js` }
        : { entry: NPM_ENTRIES, formats: ['es'], fileName: (_format, name) => `${name}.js` },
      rolldownOptions: standalone
        ? // Library mode keeps the whitespace of ES output (a portal's bundler would remove it); this file is
          // loaded as it is, so it is minified in full.
          { output: { chunkFileNames, minify: true } }
        : { external: isExternal, output: { chunkFileNames } },
    },
  };
});
