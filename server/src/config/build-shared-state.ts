/**
 * The wiring point of the shared state: in memory for one instance, Redis (`SEL_REDIS_URL`) for several.
 */
import type { Config } from './config.js';
import type { SharedState } from '../shared-state/shared-state.js';
import { MemorySharedState } from '../shared-state/memory-shared-state.js';
import { RedisSharedState } from '../shared-state/redis-shared-state.js';
import { SILENT_LOGGER, type OperationsLogger } from '../health/readiness.js';

/** `logger` receives Redis's outages, one line when it fails and one when it answers again. */
export async function buildSharedState(config: Config, logger: OperationsLogger = SILENT_LOGGER): Promise<SharedState> {
  if (config.redisUrl === undefined) return new MemorySharedState();
  return new RedisSharedState({ url: config.redisUrl, logger });
}
