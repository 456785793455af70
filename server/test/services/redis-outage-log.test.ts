/**
 * What an administrator reads in the log when Redis goes away under load and comes back: one `warn` naming
 * Redis and the cause however many requests fail meanwhile, one `info` when it answers again, and never
 * the password of `SEL_REDIS_URL`. Redis is a real redis-server with a password, stopped and started again
 * on the same port.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { RedisSharedState } from '../../src/shared-state/redis-shared-state.js';
import { buildSharedState } from '../../src/config/build-shared-state.js';
import { loadConfig } from '../../src/config/load-config.js';
import { loggerOptions } from '../../src/http/logger-options.js';
import { BrowserLikeClient } from '../support/browser-like-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { collectOutput, requireBinary, stopChild, waitUntil } from '../support/child-process.js';
import { freePort } from '../support/free-port.js';

const PASSWORD = 'Redis-Secret-7f3c91';

interface LogLine {
  level: number;
  msg: string;
  dependency?: string;
  reason?: string;
}
const WARN = 40;
const INFO = 30;

/** A redis-server that requires `PASSWORD`, on a port that stays the same across a stop and a start. */
class PasswordRedis {
  private child: ChildProcess | undefined;
  private dir = '';
  constructor(readonly port: number) {}

  get url(): string {
    return `redis://:${PASSWORD}@127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    requireBinary('redis-server', 'ensure-redis.sh');
    this.dir = await mkdtemp(join(tmpdir(), 'sel-redis-log-'));
    const child = spawn(
      'redis-server',
      [
        ...['--bind', '127.0.0.1', '--port', String(this.port), '--dir', this.dir, '--requirepass', PASSWORD],
        ...['--save', '', '--appendonly', 'no', '--daemonize', 'no', '--loglevel', 'warning'],
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    const output = collectOutput(child);
    await waitUntil(() => this.answers(), { timeoutMs: 10_000, what: 'redis-server', child, output });
  }

  async stop(): Promise<void> {
    if (this.child) await stopChild(this.child);
    this.child = undefined;
    await rm(this.dir, { recursive: true, force: true });
  }

  private answers(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = connect({ host: '127.0.0.1', port: this.port });
      const done = (answer: boolean): void => {
        socket.destroy();
        resolve(answer);
      };
      let received = '';
      socket.setTimeout(500, () => done(false));
      socket.once('error', () => done(false));
      socket.once('connect', () => socket.write(`AUTH ${PASSWORD}\r\nPING\r\n`));
      socket.on('data', (data) => {
        received += data.toString('latin1');
        if (received.includes('+PONG')) done(true);
      });
    });
  }
}

/** A pino logger, as main.ts makes it, writing into `lines`. */
function capturingLogger(lines: string[]): pino.Logger {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return pino(loggerOptions('info'), sink);
}

const wrongPassword = { currentPassword: 'pas-le-bon-mot', newPassword: 'Jaunay-Marigny-86130!' };

describe('Redis going away and coming back, in the log', () => {
  let redis: PasswordRedis;
  let sharedState: RedisSharedState;
  let server: TestServer;
  const lines: string[] = [];
  const parsed = (): LogLine[] => lines.map((line) => JSON.parse(line) as LogLine);
  const aboutRedis = (level: number): LogLine[] =>
    parsed().filter((line) => line.level === level && line.dependency === 'Redis');

  before(async () => {
    redis = new PasswordRedis(await freePort());
    await redis.start();
    const config = loadConfig({ SEL_AUTH: 'dev', SEL_REDIS_URL: redis.url, SEL_LOG_LEVEL: 'silent' });
    // As main.ts builds it: the state gets the logger from buildSharedState.
    const built = await buildSharedState(config, capturingLogger(lines));
    assert.ok(built instanceof RedisSharedState);
    sharedState = built;
    server = await startTestServer({ SEL_REDIS_URL: redis.url, SEL_DEV_USER: 'cmartin' }, { sharedState });
  });
  after(async () => {
    await server?.close();
    await sharedState?.close();
    await redis?.stop();
  });

  it('one warn with the cause while requests fail, one info once it answers, never the password', async () => {
    const client = new BrowserLikeClient(server.url);
    await client.login();
    assert.equal((await client.api('/account/password', { method: 'POST', body: wrongPassword })).status, 422);
    assert.equal((await fetch(`${server.url}/readyz`)).status, 200);
    assert.deepEqual(lines, [], 'nothing logged while Redis answers');

    await redis.stop();
    for (let i = 0; i < 5; i++) {
      const response = await client.api('/account/password', { method: 'POST', body: wrongPassword });
      assert.equal(response.status, 503);
    }
    const ready = await fetch(`${server.url}/readyz`);
    assert.equal(ready.status, 503);
    const body = (await ready.json()) as { checks: { sharedState: { ok: boolean; reason: string } } };
    assert.equal(body.checks.sharedState.ok, false);
    assert.match(body.checks.sharedState.reason, /ECONNREFUSED/);

    const warnings = aboutRedis(WARN);
    assert.equal(warnings.length, 1, lines.join('\n'));
    assert.match(warnings[0]!.msg, /^Redis is unavailable: .*ECONNREFUSED/);
    assert.deepEqual(aboutRedis(INFO), []);

    await redis.start();
    // ioredis reconnects at most a second apart.
    let status = 0;
    for (let attempt = 0; attempt < 40 && status !== 422; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await client.api('/account/password', { method: 'POST', body: wrongPassword })).status;
    }
    assert.equal(status, 422, 'the server recovers without a restart');
    assert.equal((await fetch(`${server.url}/readyz`)).status, 200);
    const infos = aboutRedis(INFO);
    assert.equal(infos.length, 1, lines.join('\n'));
    assert.equal(infos[0]!.msg, 'Redis answers again');
    assert.equal(aboutRedis(WARN).length, 1, 'no warning after the recovery');

    const everything = lines.join('\n');
    assert.ok(!everything.includes(PASSWORD), 'the password of SEL_REDIS_URL is never logged');
    assert.doesNotMatch(everything, /rate:|ended:|cmartin/, 'nor a key, nor who the key was for');
  });
});
