/** What a test server logs, kept as parsed JSON lines, and a session key for the CAS tests. */
import { Writable } from 'node:stream';
import pino from 'pino';
import { loggerOptions } from '../../src/http/logger-options.js';

/** A key that passes the configuration's checks; for these tests only. */
export const SESSION_KEY = 'Zq8Hn2Lw5Xc1Vb7Mk4Jt9Rp3Sd6Fg0Ay';

/** Everything a server logs, as parsed JSON lines: give `logger` as its `loggerInstance`. */
export class LogSink {
  readonly entries: Record<string, unknown>[] = [];
  readonly logger = pino(
    loggerOptions('info'),
    new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
          this.entries.push(JSON.parse(line) as Record<string, unknown>);
        }
        done();
      },
    }),
  );

  get text(): string {
    return this.entries.map((entry) => JSON.stringify(entry)).join('\n');
  }

  /** The audit lines of `event`, as an administrator reads them. */
  audits(event: string): { uid: unknown; ip: unknown; outcome: unknown }[] {
    return this.entries
      .filter((entry) => entry['audit'] === event)
      .map(({ uid, ip, outcome }) => ({ uid, ip, outcome }));
  }
}
