import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Me } from '../../../contracts/accounts.ts';
import type { Locale, Role } from '../../../core/identity/roles.ts';
import type { Db } from '../../db/open.ts';
import { courts, notifications, sessions, userRoles, users } from '../../db/schema/index.ts';
import type { Bus } from '../bus/types.ts';
import type { Clock } from '../clock.ts';

export const SESSION_COOKIE = 'kelisim_session';
export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;

/** Who is calling: what every policy decision starts from. */
export type Principal = {
  userId: string;
  fullName: string;
  email: string;
  locale: Locale;
  roles: Role[];
  courtId: string | null;
  sessionHash: string;
};

export const courtName = (court: { nameKk: string; nameRu: string; nameEn: string }, locale: Locale) =>
  locale === 'kk' ? court.nameKk : locale === 'ru' ? court.nameRu : court.nameEn;

export const sha256Hex = (value: string) => createHash('sha256').update(value).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

const USER_CHANGED = 'auth.user-changed';
const CACHE_TTL_MS = 10_000;
const CACHE_MAX = 20_000;

/**
 * Session lookup with a short in-process cache: every request of a logged-in user needs the
 * principal, and a database round trip per request would halve throughput. Anything that changes
 * what a user is or sees in the header (logout, roles, profile, password, notifications) calls
 * `userChanged`, which drops the cache on every node through the bus, so a revoked session is
 * refused at once everywhere.
 */
export const createSessionStore = async (db: Db, bus: Bus, clock: Clock) => {
  const cache = new Map<string, { principal: Principal; me: Me; expiresAt: number; cachedAt: number }>();
  const dropUser = (userId: string) => {
    for (const [key, entry] of cache) if (entry.principal.userId === userId) cache.delete(key);
  };
  const unsubscribe = await bus.subscribe(USER_CHANGED, (message) => {
    const { userId } = message as { userId: string };
    dropUser(userId);
  });

  const load = async (tokenHash: string) => {
    const [row] = await db
      .select({
        user: users,
        court: courts,
        expiresAt: sessions.expiresAt,
        unread: sql<number>`(select count(*)::int from ${notifications} where ${notifications.userId} = ${users.id} and ${isNull(notifications.readAt)})`,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .leftJoin(courts, eq(courts.id, users.courtId))
      .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, clock.now())));
    if (!row) return null;
    const roleRows = await db
      .select({ role: userRoles.role })
      .from(userRoles)
      .where(eq(userRoles.userId, row.user.id));
    const roles = roleRows.map((r) => r.role as Role).sort();
    const { user, court } = row;
    const principal: Principal = {
      userId: user.id,
      fullName: user.fullName,
      email: user.email,
      locale: user.locale,
      roles,
      courtId: user.courtId,
      sessionHash: tokenHash,
    };
    const me: Me = {
      id: user.id,
      email: user.email,
      fullName: user.fullName,
      kind: user.kind,
      iin: user.iin,
      bin: user.bin,
      organisationName: user.organisationName,
      phone: user.phone,
      locale: user.locale,
      roles,
      court: court
        ? { id: court.id, code: court.code, name: courtName(court, user.locale), region: court.region }
        : null,
      unreadNotifications: Number(row.unread),
    };
    return { principal, me, expiresAt: row.expiresAt.getTime() };
  };

  const resolveEntry = async (token: string) => {
    const tokenHash = sha256Hex(token);
    const now = clock.now().getTime();
    const hit = cache.get(tokenHash);
    if (hit && hit.expiresAt > now && now - hit.cachedAt < CACHE_TTL_MS) return hit;
    const loaded = await load(tokenHash);
    if (!loaded) {
      cache.delete(tokenHash);
      return null;
    }
    if (cache.size >= CACHE_MAX) cache.clear();
    const entry = { ...loaded, cachedAt: now };
    cache.set(tokenHash, entry);
    return entry;
  };

  return {
    /** The principal and account view for a raw session token, or null when unknown or expired. */
    resolve: async (token: string): Promise<{ principal: Principal; me: Me } | null> => resolveEntry(token),
    /** The account as the web app shows it (profile, roles, court, unread count), from the same cache. */
    me: async (token: string): Promise<Me | null> => (await resolveEntry(token))?.me ?? null,
    /** Creates a session (inside the caller's transaction) and returns the raw token for the cookie. */
    create: async (tx: Db, userId: string) => {
      const token = newToken();
      const expiresAt = new Date(clock.now().getTime() + SESSION_TTL_MS);
      await tx.insert(sessions).values({ tokenHash: sha256Hex(token), userId, expiresAt });
      return { token, expiresAt };
    },
    userChanged: async (userId: string) => {
      dropUser(userId);
      await bus.publish(USER_CHANGED, { userId });
    },
    close: unsubscribe,
  };
};

export type SessionStore = Awaited<ReturnType<typeof createSessionStore>>;
