/** Starts `instance.ts` in a child process and reads its resident memory and CPU time from /proc. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../../server/test/support/free-port.js';
import { processCpuSeconds } from './cpu-time.js';

export interface Instance {
  url: string;
  /** Resident set size now, in MiB. */
  rssMiB(): Promise<number>;
  /** CPU time the process has used so far (user and system), in seconds. */
  cpuSeconds(): Promise<number>;
  stop(): Promise<void>;
}

/** The instance script to run, and the tsconfig tsx compiles the server's sources with. */
export interface InstanceScript {
  script: string;
  tsconfig: string;
}

/**
 * This checkout's instance, compiled with the server's own options: its `paths` send `sel-widgets/core` to
 * the library's sources, so that the bench needs no build of the library.
 */
const OWN: InstanceScript = {
  script: fileURLToPath(new URL('./instance.ts', import.meta.url)),
  tsconfig: fileURLToPath(new URL('../../../server/tsconfig.json', import.meta.url)),
};

/**
 * The instance script of another checkout of the project (`--baseline DIR`), measured in the same rounds: a
 * checkout from before the benchmarks left the server's package holds it in the server's folder.
 */
export function baselineScript(dir: string): InstanceScript {
  // npm runs the bench's scripts in bench/: DIR is read from where npm was started.
  const checkout = resolvePath(process.env['INIT_CWD'] ?? process.cwd(), dir);
  const tsconfig = resolvePath(checkout, 'server/tsconfig.json');
  for (const script of ['bench/server/support/instance.ts', 'server/bench/support/instance.ts']) {
    const path = resolvePath(checkout, script);
    if (existsSync(path)) return { script: path, tsconfig };
  }
  throw new Error(`--baseline ${dir}: no bench instance script in that checkout`);
}

const words = (text: string | undefined): string[] => (text ?? '').split(' ').filter(Boolean);

/**
 * The server runs with Node's defaults, as it is deployed. `BENCH_SERVER_NODE_FLAGS` (this checkout's server)
 * and `BENCH_BASELINE_SERVER_NODE_FLAGS` (a `--baseline` server) add flags to one side, so that a flag such as
 * `--single-threaded-gc` can be measured against the defaults in the same rounds on the machine at hand.
 */
function serverNodeFlags(target: InstanceScript): string[] {
  return words(
    target === OWN ? process.env['BENCH_SERVER_NODE_FLAGS'] : process.env['BENCH_BASELINE_SERVER_NODE_FLAGS'],
  );
}

/** `target`: another checkout's instance (a baseline measured in the same run, `baselineScript`); this one's by default. */
export async function startInstance(env: Record<string, string>, target = OWN): Promise<Instance> {
  const port = await freePort();
  // For a profile of the servers: BENCH_INSTANCE_NODE_ARGS="--cpu-prof --cpu-prof-dir=profiles".
  const nodeArgs = [...serverNodeFlags(target), ...words(process.env['BENCH_INSTANCE_NODE_ARGS'])];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', target.script], {
    env: { ...process.env, ...env, TSX_TSCONFIG_PATH: target.tsconfig, BENCH_PORT: String(port) },
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
