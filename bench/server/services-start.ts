/**
 * How long the services of the server tests take to start, as the tests start them: a private
 * redis-server and a private LemonLDAP::NG portal (until each answers). Prints the median of a few runs.
 * Usage: npm run bench:services [-- runs]
 */
import { startLemonLdap } from '../../server/test/support/lemonldap.js';
import { startRedis } from '../../server/test/support/redis.js';

const runs = Number(process.argv[2] ?? 5);

async function medianStartMs(start: () => Promise<{ stop(): Promise<void> }>): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const service = await start();
    times.push(performance.now() - started);
    await service.stop();
  }
  return times.sort((a, b) => a - b);
}

for (const [name, start] of [
  ['redis-server', startRedis],
  ['LemonLDAP::NG portal (Starman, 2 workers)', () => startLemonLdap()],
] as const) {
  const times = await medianStartMs(start);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(
    `${name}: median start ${Math.round(median)} ms over ${runs} runs (min ${Math.round(times[0]!)}, max ${Math.round(times.at(-1)!)})`,
  );
}
