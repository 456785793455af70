/** Starts `instance.ts` in a child process and reads its resident memory and CPU time from /proc. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../test/helpers/test-server.js';
import { processCpuSeconds } from './cpu-time.js';

export interface Instance {
  url: string;
  /** Resident set size now, in MiB. */
  rssMiB(): Promise<number>;
  /** CPU time the process has used so far (user and system), in seconds. */
  cpuSeconds(): Promise<number>;
  stop(): Promise<void>;
}

const SCRIPT = fileURLToPath(new URL('./instance.ts', import.meta.url));
/** Node's flags for the server as the documented commands run it (`server/node-flags.json`). */
const SERVER_NODE_FLAGS = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../node-flags.json', import.meta.url)), 'utf8'),
) as string[];

const words = (text: string | undefined): string[] => (text ?? '').split(' ').filter(Boolean);

/**
 * The server's Node flags; `BENCH_SERVER_NODE_FLAGS` (this checkout's server) and
 * `BENCH_BASELINE_SERVER_NODE_FLAGS` (a `--baseline` server) replace them, empty for Node's defaults: how
 * docs/performance.md compares V8's parallel garbage collector with the single-threaded one in the same rounds.
 */
function serverNodeFlags(script: string): string[] {
  const override =
    script === SCRIPT ? process.env['BENCH_SERVER_NODE_FLAGS'] : process.env['BENCH_BASELINE_SERVER_NODE_FLAGS'];
  return override === undefined ? SERVER_NODE_FLAGS : words(override);
}

/**
 * `script`: the instance script of another checkout of the project (a baseline measured in the same run);
 * this one's by default.
 */
export async function startInstance(env: Record<string, string>, script = SCRIPT): Promise<Instance> {
  const port = await freePort();
  // For a profile of the servers: BENCH_INSTANCE_NODE_ARGS="--cpu-prof --cpu-prof-dir=profiles".
  const nodeArgs = [...serverNodeFlags(script), ...words(process.env['BENCH_INSTANCE_NODE_ARGS'])];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script], {
    env: { ...process.env, ...env, BENCH_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('instance did not start within 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`instance exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes(`listening ${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    async rssMiB() {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
      const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
      return kib / 1024;
    },
    cpuSeconds: () => processCpuSeconds(child.pid!),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
