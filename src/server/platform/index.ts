import { Redis } from 'ioredis';
import type { Config } from '../config.ts';
import type { Platform } from '../context.ts';
import { openDatabase } from '../db/open.ts';
import { memoryFailureCounter, redisFailureCounter } from './auth/login-limiter.ts';
import { createBlobStore, s3ConfigFromEnv } from './blobs/index.ts';
import { createBus } from './bus/index.ts';
import { type Clock, systemClock } from './clock.ts';
import { createMailer } from './mail/index.ts';
import { createSealer, loadMasterKey } from './seal.ts';
import { loadSignatures } from './signatures/index.ts';

/** Opens every port the configuration asks for; `close` releases them in reverse order. */
export const createPlatform = async (config: Config, clock: Clock = systemClock) => {
  const database = await openDatabase(config);
  const bus = await createBus({ redisUrl: config.redisUrl });
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 })
    : null;
  const platform: Platform = {
    config,
    database,
    bus,
    blobs: createBlobStore({ dataDir: config.dataDir, s3: s3ConfigFromEnv(config.env) }),
    mailer: createMailer(config),
    clock,
    loginFailures: redis ? redisFailureCounter(redis) : memoryFailureCounter(clock),
    redis,
    sealer: createSealer(loadMasterKey(config.env, config.dataDir)),
    signatures: await loadSignatures({ env: config.env, dataDir: config.dataDir, now: () => clock.now() }),
  };
  const close = async () => {
    await platform.mailer.close();
    redis?.disconnect();
    await bus.close();
    await database.close();
  };
  return { platform, close };
};
