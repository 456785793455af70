/** Latency figures of a closed-loop run: requests per second, median and 99th percentile in ms. */
export interface LoopFigures {
  perSecond: number;
  p50: number;
  p99: number;
}

/**
 * Runs `worker(index)` in `concurrency` loops for `seconds` after a one-second warm-up; `onMeasureStart`
 * runs between the two, for readings (CPU time) that must cover the measured seconds only.
 */
export async function measureLoops(
  concurrency: number,
  seconds: number,
  worker: (index: number) => Promise<void>,
  onMeasureStart?: () => Promise<void>,
): Promise<LoopFigures> {
  const loop = async (index: number, until: number, latencies?: number[]) => {
    while (Date.now() < until) {
      const started = performance.now();
      await worker(index);
      latencies?.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, index) => loop(index, Date.now() + 1_000)));
  await onMeasureStart?.();
  const latencies: number[] = [];
  const started = performance.now();
  const until = Date.now() + seconds * 1_000;
  await Promise.all(Array.from({ length: concurrency }, (_, index) => loop(index, until, latencies)));
  const elapsed = (performance.now() - started) / 1_000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { perSecond: latencies.length / elapsed, p50: at(0.5), p99: at(0.99) };
}
