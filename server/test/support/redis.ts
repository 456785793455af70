import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectOutput, requireBinary, stopChild, waitUntil } from './child-process.js';
import { freePort } from './free-port.js';

export interface RunningRedis {
  /** `redis://127.0.0.1:PORT`, what `SEL_REDIS_URL` would hold. */
  readonly url: string;
  readonly port: number;
  /** Stops the server this harness started and removes its directory; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts a private redis-server for one test file: a free loopback port, a temp directory as its working
 * directory, no RDB snapshot and no append-only file (nothing outlives the test), and no system config.
 */
export async function startRedis(): Promise<RunningRedis> {
  requireBinary('redis-server', 'ensure-redis.sh');
  // The free port may be taken by someone else between the probe and the bind: try another one.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnFreePort();
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

async function startOnFreePort(): Promise<RunningRedis> {
  const dir = await mkdtemp(join(tmpdir(), 'sel-redis-'));
  const port = await freePort();
  const child = spawn(
    'redis-server',
    [
      '--bind',
      '127.0.0.1',
      '--port',
      String(port),
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
      '--daemonize',
      'no',
      '--protected-mode',
      'yes',
      '--loglevel',
      'warning',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output = collectOutput(child);
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopped ??= stopChild(child).then(() => rm(dir, { recursive: true, force: true })));
  try {
    await waitUntil(() => answersPing(port), { timeoutMs: 10_000, what: 'redis-server', child, output });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `redis://127.0.0.1:${port}`, port, stop };
}

/** One inline PING over a raw socket: the server is up when it answers +PONG. */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (answer: boolean): void => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString('latin1').startsWith('+PONG')));
  });
}
