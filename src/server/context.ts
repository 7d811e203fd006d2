import type { FastifyBaseLogger } from 'fastify';
import type { Redis } from 'ioredis';
import type { Config } from './config.ts';
import type { Database, Db } from './db/open.ts';
import type { FailureCounter } from './platform/auth/login-limiter.ts';
import type { SessionStore } from './platform/auth/sessions.ts';
import type { BlobStore } from './platform/blobs/types.ts';
import type { Bus } from './platform/bus/types.ts';
import type { Clock } from './platform/clock.ts';
import type { Mailer } from './platform/mail/index.ts';
import type { Sealer } from './platform/seal.ts';
import type { Signatures } from './platform/signatures/index.ts';

/** The ports every feature's commands use; built once per process by main.ts (or by a test). */
export type Platform = {
  config: Config;
  database: Database;
  bus: Bus;
  blobs: BlobStore;
  mailer: Mailer;
  clock: Clock;
  loginFailures: FailureCounter;
  sealer: Sealer;
  /** The platform CA (simple signatures) and the verifier of signed agreements. */
  signatures: Signatures;
  /** Shared counters between nodes (rate limits, login failures) when REDIS_URL is set. */
  redis: Redis | null;
};

export type AppContext = Platform & {
  db: Db;
  sessions: SessionStore;
  log: FastifyBaseLogger;
};
