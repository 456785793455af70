#!/usr/bin/env node
/**
 * `sel-widgets-server` / `node server/dist/main.js`: reads the configuration from the environment, opens
 * the store and the shared state, serves, and on SIGTERM or SIGINT stops taking requests, lets those in
 * flight finish, then closes the store (its writes in flight finish too).
 */
import { pino } from 'pino';
import { loadConfig, ConfigError } from './config/load-config.js';
import { helpText } from './config/variables.js';
import { buildStore } from './config/build-store.js';
import { buildSharedState } from './config/build-shared-state.js';
import { buildApp } from './http/app.js';
import { loggerOptions } from './http/logger-options.js';
import { DataDirectoryLockedError } from './store/file/data-dir-lock.js';
import { loadMailTemplates, MailService, MailTemplateError } from './mail/index.js';

async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(helpText());
    return;
  }
  const config = loadConfig();
  // Read before anything opens: a broken template stops the start, naming its file.
  const templates = config.mail ? await loadMailTemplates(config.mail.templatesDir) : undefined;
  // One logger for the requests and for the parts outside HTTP (the store, Redis), so that an outage and
  // the requests it failed are in the same stream.
  const logger = pino(loggerOptions(config.logLevel));
  const sharedState = await buildSharedState(config, logger);
  const store = await buildStore(config, logger).catch(async (error: unknown) => {
    await sharedState.close();
    throw error;
  });
  const mail = config.mail ? new MailService({ settings: config.mail, logger, templates }) : undefined;
  // Asked once at start, so that a relay that does not answer is in the log before the first mail waits on it.
  void mail?.ready();
  const app = await buildApp(config, { store, sharedState, mail, loggerInstance: logger });

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping: finishing the requests in flight');
    await app.close();
    await mail?.close();
    await store.close();
    await sharedState.close();
    app.log.info('stopped');
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));

  await app.listen({ host: config.listen.host, port: config.listen.port });
  app.log.info(
    { url: config.publicUrl.href, auth: config.auth, store: config.store, apiBase: config.apiBase },
    'sel-widgets-server is ready',
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`sel-widgets-server: ${error.message}\n\nRun with --help for every variable.\n`);
  } else if (error instanceof MailTemplateError) {
    process.stderr.write(`sel-widgets-server: ${error.message}\n`);
  } else if (error instanceof DataDirectoryLockedError) {
    // Another server runs on the same data directory: its pid and the lock say all there is to do.
    process.stderr.write(`sel-widgets-server: ${error.message}\n`);
  } else {
    process.stderr.write(
      `sel-widgets-server: could not start: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
  }
  process.exitCode = 1;
});
