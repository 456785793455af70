/**
 * What a measured run cost each process taking part, per operation, and how many cores the rest of the
 * machine (other people's work) used meanwhile: on a shared 2-core machine a ratio of requests/s means
 * little without them.
 */
import { performance } from 'node:perf_hooks';
import { machineBusySeconds } from './cpu-time.js';

/** Readers of the CPU seconds each process has used so far, by the name printed. */
export type CpuReaders = Record<string, () => Promise<number> | number>;

export interface CpuCost {
  /** µs of CPU per operation, by process. */
  perOperation: Record<string, number>;
  /** Cores busy with anything but the processes read, on average over the run. */
  otherCores: number;
}

async function readAll(readers: CpuReaders): Promise<{ own: Record<string, number>; machine: number; at: number }> {
  const own: Record<string, number> = {};
  for (const [name, read] of Object.entries(readers)) own[name] = await read();
  return { own, machine: await machineBusySeconds(), at: performance.now() };
}

/** Opens a window: `start()` takes the first readings, `stop(operations)` the second and gives the cost. */
export function cpuWindow(readers: CpuReaders) {
  let before: Awaited<ReturnType<typeof readAll>> | undefined;
  return {
    async start(): Promise<void> {
      before = await readAll(readers);
    },
    async stop(operations: number): Promise<CpuCost> {
      const after = await readAll(readers);
      if (!before) throw new Error('cpuWindow.stop() before start()');
      const perOperation: Record<string, number> = {};
      let ours = 0;
      for (const name of Object.keys(readers)) {
        const seconds = after.own[name]! - before.own[name]!;
        ours += seconds;
        perOperation[name] = (1e6 * seconds) / Math.max(1, operations);
      }
      const elapsed = (after.at - before.at) / 1000;
      return { perOperation, otherCores: Math.max(0, (after.machine - before.machine - ours) / elapsed) };
    },
  };
}
