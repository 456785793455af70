/**
 * The library's built `dist/` under /assets/ (hashed chunks cached for a year, the entry revalidated) and
 * the page's own script and styles under /static/.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** `sel-widgets-phone-D4mwUfW1.js`: the name changes with the content, so the file never does. */
const HASHED = /(^|\/)(sel-widgets-.+-[A-Za-z0-9_-]{8}|chunks\/.+-[A-Za-z0-9_-]{8})\.js(\.map)?$/;

/**
 * The `dist/` of the sel-widgets package Node resolves from this module: the checkout's own (the workspace
 * link) in development, node_modules/sel-widgets when both packages are installed.
 */
export function defaultAssetsDir(): string {
  return join(dirname(fileURLToPath(import.meta.resolve('sel-widgets/package.json'))), 'dist');
}

// This module is at the same depth in src/ (tests) and dist/ (the build, and the installed package, which
// ships public/ beside dist/).
export const PAGE_STATIC_DIR = fileURLToPath(new URL('../../public/', import.meta.url));

export async function installStaticFiles(app: FastifyInstance, assetsDir: string): Promise<void> {
  if (!existsSync(join(assetsDir, 'sel-widgets.js'))) {
    app.log.warn({ assetsDir }, 'sel-widgets.js is not built: run "npm run build:standalone" at the root');
  }
  await app.register(fastifyStatic, {
    root: assetsDir,
    prefix: '/assets/',
    cacheControl: false,
    etag: true,
    setHeaders(response, path) {
      const immutable = HASHED.test(path.replaceAll('\\', '/'));
      response.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  await app.register(fastifyStatic, {
    root: PAGE_STATIC_DIR,
    prefix: '/static/',
    decorateReply: false,
    cacheControl: false,
    setHeaders(response) {
      response.header('Cache-Control', 'no-cache');
    },
  });
}
