/**
 * The wiring point of the shared state: in memory for one instance, Redis (`SEL_REDIS_URL`) for several.
 * The Redis implementation plugs in here.
 */
import type { Config } from './config.js';
import type { SharedState } from '../shared-state/shared-state.js';
import { MemorySharedState } from '../shared-state/memory-shared-state.js';

export class NotWiredError extends Error {}

export async function buildSharedState(config: Config): Promise<SharedState> {
  if (config.redisUrl === undefined) return new MemorySharedState();
  throw new NotWiredError(
    'SEL_REDIS_URL is set, but this build has no Redis shared state yet: unset SEL_REDIS_URL to keep the state in memory (one instance only).',
  );
}
