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
  /** STUN/TURN servers the browsers use for calls (coturn in production); none by default. */
  iceServers: IceServer[];
  /** The court's endpoint that receives filings signed with the shared secret (docs/api.md). */
  courtWebhook: CourtWebhook | null;
  env: NodeJS.ProcessEnv;
};

export type CourtWebhook = { url: string; secret: string };

/** Below this a guessed or leaked-by-brevity secret could forge deliveries; refused at start. */
export const MIN_WEBHOOK_SECRET_LENGTH = 32;

/**
 * KELISIM_COURT_WEBHOOK_URL and KELISIM_COURT_WEBHOOK_SECRET come together or not at all; the URL is
 * http(s), the secret at least 32 characters. Any other value stops the start with a clear message.
 */
export const parseCourtWebhook = (
  url: string | undefined,
  secret: string | undefined,
): CourtWebhook | null => {
  if (!url?.trim() && !secret) return null;
  if (!url?.trim() || !secret)
    throw new Error('KELISIM_COURT_WEBHOOK_URL and KELISIM_COURT_WEBHOOK_SECRET must be set together');
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new Error('KELISIM_COURT_WEBHOOK_URL must be an http(s) URL');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new Error('KELISIM_COURT_WEBHOOK_URL must be an http(s) URL');
  if (secret.length < MIN_WEBHOOK_SECRET_LENGTH)
    throw new Error(`KELISIM_COURT_WEBHOOK_SECRET must be at least ${MIN_WEBHOOK_SECRET_LENGTH} characters`);
  return { url: parsed.toString(), secret };
};

/** An RTCIceServer as browsers take it (README "Production deployment" shows a coturn entry). */
export type IceServer = { urls: string | string[]; username?: string; credential?: string };

/**
 * KELISIM_ICE_SERVERS is a JSON array of RTCIceServer. No external STUN by default: calls work on
 * the same network without one, and a default must not send people's addresses to a third party.
 * A malformed value stops the start with a clear message rather than calls silently failing.
 */
export const parseIceServers = (value: string | undefined): IceServer[] => {
  if (!value?.trim()) return [];
  const fail = () => {
    throw new Error('KELISIM_ICE_SERVERS must be a JSON array of {urls, username?, credential?}');
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return fail();
  }
  if (!Array.isArray(parsed)) return fail();
  return parsed.map((entry): IceServer => {
    const { urls, username, credential } = (entry ?? {}) as Record<string, unknown>;
    const urlsOk =
      typeof urls === 'string' ||
      (Array.isArray(urls) && urls.length > 0 && urls.every((u) => typeof u === 'string'));
    if (!urlsOk) return fail();
    if (username !== undefined && typeof username !== 'string') return fail();
    if (credential !== undefined && typeof credential !== 'string') return fail();
    return {
      urls: urls as string | string[],
      ...(username !== undefined && { username }),
      ...(credential !== undefined && { credential }),
    };
  });
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
    iceServers: parseIceServers(env.KELISIM_ICE_SERVERS),
    courtWebhook: parseCourtWebhook(env.KELISIM_COURT_WEBHOOK_URL, env.KELISIM_COURT_WEBHOOK_SECRET),
    env,
  };
};
