/**
 * Two builds into dist/:
 * - `npm` (default): one ES module per package entry, dependencies left as imports for the portal's bundler.
 * - `standalone`: dist/sel-widgets.js, self-contained for a page without a build step; lazy chunks (the
 *   password dictionaries) sit beside it and load relative to it.
 */
import { defineConfig } from 'vite';

const NPM_ENTRIES = {
  index: 'src/index.ts',
  'sel-general-info': 'src/sel-general-info.ts',
  'sel-phones': 'src/sel-phones.ts',
  'sel-redlist': 'src/sel-redlist.ts',
  'sel-password-change': 'src/sel-password-change.ts',
  adapters: 'src/adapters.ts',
  mocks: 'src/mocks.ts',
};

const isExternal = (id: string) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

export default defineConfig(({ mode }) => {
  const standalone = mode === 'standalone';
  return {
    publicDir: false,
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
        ? { output: { chunkFileNames: 'sel-widgets-[name]-[hash].js' } }
        : { external: isExternal, output: { chunkFileNames: 'chunks/[name]-[hash].js' } },
    },
  };
});
