// Tests run in Debian's Chromium (no browser download works on our machines); CHROME_PATH overrides it.
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fileURLToPath } from 'node:url';
import { fullA11ySnapshotPlugin } from './scripts/full-a11y-snapshot-plugin.mjs';
import { contractServerMiddleware } from './scripts/contract-server-middleware.mjs';

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

export default {
  // test/contract, test/core and test/build run in Node (npm run test:contract): one reads docs/openapi.yaml
  // from the disk, one proves that sel-widgets/core runs where there is no DOM, one checks a build step;
  // test/docs reads the documentation from the disk too.
  // test/integration holds applications run by npm run test:integration, each with its own node_modules.
  files: [
    'test/**/*.test.ts',
    '!test/contract/**',
    '!test/core/**',
    '!test/build/**',
    '!test/docs/**',
    '!test/integration/**',
  ],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  rootDir: fileURLToPath(new URL('.', import.meta.url)),
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  browsers: [
    chromeLauncher({
      // Each test file in its own browser context, hence its own window: a tab hidden behind another
      // never runs requestAnimationFrame, and fixtures wait on it.
      async createPage({ browser }) {
        const context = await browser.createBrowserContext();
        return context.newPage();
      },
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          // Test files run two at a time in separate tabs; a hidden tab's timers would otherwise be throttled.
          '--disable-background-timer-throttling',
          '--disable-renderer-backgrounding',
          '--disable-backgrounding-occluded-windows',
        ],
      },
    }),
  ],
  plugins: [
    fullA11ySnapshotPlugin(),
    esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
  ],
  // Lit announces its dev mode in every test file; the warnings it gives in that mode still show.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  middleware: [
    // MSW's worker must be served from the site root to control the test pages.
    function serveMswWorker(context, next) {
      if (context.url === '/mockServiceWorker.js') context.url = '/public/mockServiceWorker.js';
      return next();
    },
    function strictContentSecurityPolicy(context, next) {
      // The page a portal without a build step would serve: scripts and styles from its own origin only.
      if (context.path === '/test/fixtures/csp-page.html') {
        context.set('Content-Security-Policy', "default-src 'self'; object-src 'none'; base-uri 'none'");
      }
      // The same with Trusted Types enforced, as the README gives it: the library's two policies, and the
      // portal's own Lit (lit-html) without 'allow-duplicates'.
      if (context.path === '/test/fixtures/csp-trusted-types-page.html') {
        context.set(
          'Content-Security-Policy',
          "default-src 'self'; object-src 'none'; base-uri 'none'; " +
            "require-trusted-types-for 'script'; trusted-types sel-widgets sel-widgets-lit lit-html",
        );
      }
      return next();
    },
    contractServerMiddleware,
  ],
};
