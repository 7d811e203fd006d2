import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Me } from '../../../contracts/accounts.ts';
import type { Locale, Role } from '../../../core/identity/roles.ts';
import type { Db } from '../../db/open.ts';
import {
  caseInterpreters,
  courts,
  notifications,
  sessions,
  userRoles,
  users,
} from '../../db/schema/index.ts';
import type { Bus } from '../bus/types.ts';
import type { Clock } from '../clock.ts';

export const SESSION_COOKIE = 'kelisim_session';
export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;

/** The cases an IIN interprets in now: part of the cached principal, so every room check stays synchronous. */
const interpretingCases = async (db: Db, iin: string) =>
  (
    await db
      .select({ caseId: caseInterpreters.caseId })
      .from(caseInterpreters)
      .where(and(eq(caseInterpreters.iin, iin), isNull(caseInterpreters.removedAt)))
  ).map((row) => row.caseId);

/** Who is calling: what every policy decision starts from. */
export type Principal = {
  userId: string;
  fullName: string;
  email: string;
  locale: Locale;
  roles: Role[];
  courtId: string | null;
  sessionHash: string;
  /** The account's IIN: a party's named representative is matched by it (features/cases/policy.ts). */
  iin?: string | null;
  /** Cases where this account's IIN is an interpreter now (features/members); dropped with `userChanged`. */
  interpreting?: readonly string[];
};

export const courtName = (court: { nameKk: string; nameRu: string; nameEn: string }, locale: Locale) =>
  locale === 'kk' ? court.nameKk : locale === 'ru' ? court.nameRu : court.nameEn;

export const sha256Hex = (value: string) => createHash('sha256').update(value).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

const USER_CHANGED = 'auth.user-changed';
const UNREAD_CHANGED = 'auth.unread-changed';
// How long a cached session is trusted without the bus saying otherwise: only a safety net (a
// change is announced on the bus at once), spread ±25 % so that thousands of live sockets opened
// together do not all reload at the same moment.
const CACHE_TTL_MS = 60_000;
const freshFor = () => CACHE_TTL_MS * (0.75 + Math.random() * 0.5);
const CACHE_MAX = 20_000;

/**
 * Session lookup with a short in-process cache: every request of a logged-in user needs the
 * principal, and a database round trip per request would halve throughput. Anything that changes
 * what a user is (logout, roles, profile, password) calls `userChanged`, which drops the cache on
 * every node through the bus, so a revoked session is refused at once everywhere. The unread
 * notification count is cached apart: a new notification drops only that count
 * (`unreadChanged`), not the principal every request needs.
 */
export const createSessionStore = async (db: Db, bus: Bus, clock: Clock) => {
  type Account = Omit<Me, 'unreadNotifications'>;
  const cache = new Map<
    string,
    { principal: Principal; me: Account; expiresAt: number; cachedAt: number; freshUntil: number }
  >();
  /** Loads in progress by token hash: a burst of frames of one socket reads the session once. */
  const loading = new Map<string, ReturnType<typeof load>>();
  const unread = new Map<string, { count: number; cachedAt: number }>();
  const dropUser = (userId: string) => {
    unread.delete(userId);
    for (const [key, entry] of cache) if (entry.principal.userId === userId) cache.delete(key);
  };
  const dropUnread = (userIds: string[]) => {
    for (const userId of userIds) unread.delete(userId);
  };
  const unsubscribers = [
    await bus.subscribe(USER_CHANGED, (message) => dropUser((message as { userId: string }).userId)),
    await bus.subscribe(UNREAD_CHANGED, (message) => dropUnread((message as { userIds: string[] }).userIds)),
  ];

  const unreadCount = async (userId: string) => {
    const now = clock.now().getTime();
    const hit = unread.get(userId);
    if (hit && now - hit.cachedAt < CACHE_TTL_MS) return hit.count;
    const [row] = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
    const count = Number(row?.count ?? 0);
    if (unread.size >= CACHE_MAX) unread.clear();
    unread.set(userId, { count, cachedAt: now });
    return count;
  };

  const load = async (tokenHash: string) => {
    const [row] = await db
      .select({
        user: users,
        court: courts,
        expiresAt: sessions.expiresAt,
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
      iin: user.iin,
      interpreting: user.iin ? await interpretingCases(db, user.iin) : [],
    };
    const me: Account = {
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
    };
    return { principal, me, expiresAt: row.expiresAt.getTime() };
  };

  const resolveEntry = async (token: string) => {
    const tokenHash = sha256Hex(token);
    const now = clock.now().getTime();
    const hit = cache.get(tokenHash);
    if (hit && hit.expiresAt > now && now < hit.freshUntil) return hit;
    let pending = loading.get(tokenHash);
    if (!pending) {
      pending = load(tokenHash).finally(() => loading.delete(tokenHash));
      loading.set(tokenHash, pending);
    }
    const loaded = await pending;
    if (!loaded) {
      cache.delete(tokenHash);
      return null;
    }
    if (cache.size >= CACHE_MAX) cache.clear();
    const entry = { ...loaded, cachedAt: now, freshUntil: now + freshFor() };
    cache.set(tokenHash, entry);
    return entry;
  };

  return {
    /** The principal and account view for a raw session token, or null when unknown or expired. */
    resolve: async (token: string): Promise<{ principal: Principal } | null> => resolveEntry(token),
    /** The account as the web app shows it (profile, roles, court, unread count), from the caches. */
    me: async (token: string): Promise<Me | null> => {
      const entry = await resolveEntry(token);
      if (!entry) return null;
      return { ...entry.me, unreadNotifications: await unreadCount(entry.principal.userId) };
    },
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
    /** New or read notifications: the unread count of these users is read again, on every node. */
    unreadChanged: async (userIds: string[]) => {
      if (userIds.length === 0) return;
      dropUnread(userIds);
      await bus.publish(UNREAD_CHANGED, { userIds });
    },
    close: async () => {
      for (const unsubscribe of unsubscribers) await unsubscribe();
    },
  };
};

export type SessionStore = Awaited<ReturnType<typeof createSessionStore>>;
