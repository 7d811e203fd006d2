import { createMemoryBus } from './memory.ts';
import { createRedisBus } from './redis.ts';
import type { Bus, BusErrorReporter } from './types.ts';

export { createMemoryBus } from './memory.ts';
export { createRedisBus, type RedisBusOptions } from './redis.ts';
export {
  type Bus,
  BusClosedError,
  type BusErrorReporter,
  type BusHandler,
  type BusOptions,
} from './types.ts';

export type BusConfig = {
  // Set when several nodes run: every event then travels through Redis (DESIGN.md §4).
  redisUrl?: string;
  // Channel prefix for the Redis bus (default `kelisim:`); ignored by the memory bus.
  prefix?: string;
  onError?: BusErrorReporter;
};

export const createBus = async (config: BusConfig): Promise<Bus> =>
  config.redisUrl
    ? createRedisBus(config.redisUrl, { onError: config.onError, prefix: config.prefix })
    : createMemoryBus({ onError: config.onError });
