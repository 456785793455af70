/** `npm start`: the demo "Mon compte" page, served locally with the mock backend in a service worker. */
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'demo',
  publicDir: '../public',
  server: { host: '127.0.0.1', port: Number(process.env['PORT'] ?? 5173), strictPort: false },
  preview: { host: '127.0.0.1', port: Number(process.env['PORT'] ?? 4173) },
  worker: { format: 'es' },
  build: { outDir: '../dist-demo', emptyOutDir: true, target: 'es2022' },
  // One copy of Lit in the dev server's pre-bundles.
  optimizeDeps: { include: ['lit', 'lit/decorators.js', 'lit/directive-helpers.js', '@lit/task', 'msw/browser'] },
});
