import path from 'node:path';

// All configuration comes from the environment, read once at start (README "Configuration").
export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  redisUrl?: string;
  smtpUrl?: string;
  mailFrom: string;
  publicUrl: string;
  demo: boolean;
  logLevel: string;
  /** Scrypt cost N; the OWASP minimum (2^17) unless a test run lowers it to stay fast. */
  scryptCost: number;
  /** What this node does: serve HTTP (`web`), run deadlines (`worker`), or both (the default). */
  roles: { web: boolean; worker: boolean };
  /** How often the worker looks for due deadlines. */
  workerIntervalMs: number;
  env: NodeJS.ProcessEnv;
};

const parseRoles = (value: string | undefined) => {
  const roles = (value ?? 'web,worker').split(',').map((r) => r.trim());
  return { web: roles.includes('web'), worker: roles.includes('worker') };
};

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
  const port = Number(env.PORT ?? 3000);
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.KELISIM_DATA_DIR ?? 'data'),
    databaseUrl,
    redisUrl: env.REDIS_URL || undefined,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Kelisim <no-reply@kelisim.kz>',
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    // Demo mode lists demo accounts on the login page and exposes the mail outbox to admins;
    // it is off on a real PostgreSQL deployment unless asked for explicitly.
    demo: env.KELISIM_DEMO ? env.KELISIM_DEMO === '1' : !databaseUrl,
    logLevel: env.LOG_LEVEL ?? 'info',
    scryptCost: Number(env.KELISIM_SCRYPT_COST ?? 2 ** 17),
    roles: parseRoles(env.KELISIM_ROLES),
    workerIntervalMs: Number(env.KELISIM_WORKER_INTERVAL_MS ?? 60_000),
    env,
  };
};
