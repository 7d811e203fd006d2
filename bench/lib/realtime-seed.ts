// The people and cases of bench/realtime.ts, inserted directly (as bench/intake.ts does for its
// accounts): taking thousands of cases to "active" through the API is the intake bench's subject,
// not this one's. Each room of 4 is the joint room of one active case: three parties who accepted,
// with accounts, and the case's listed mediator. The room rules (core/room/rooms.ts) then let all
// four read and write it: status 'active', not in separate sessions, each party 'accepted', the
// mediator's account holding the 'mediator' role and named by cases.mediator_id.
import type { Db } from '../../src/server/db/open.ts';
import {
  caseParties,
  cases,
  mediators,
  sessions,
  userRoles,
  users,
} from '../../src/server/db/schema/index.ts';
import {
  newToken,
  SESSION_COOKIE,
  SESSION_TTL_MS,
  sha256Hex,
} from '../../src/server/platform/auth/sessions.ts';

/** One room: its case and the session cookies of its four members (mediator last). */
export type BenchRoom = { caseId: string; cookies: string[] };

const DUMMY_HASH = 'scrypt$4096$8$1$x$x'; // nobody logs in with a password here
const NAMES = ['Асхат Нұрланұлы Бекенов', 'Берік Сапарұлы Омаров', 'Әсел Дәуренқызы Сәрсенова'];
// PostgreSQL takes at most 65 535 parameters a statement: 1 000 rows of ≤ 20 columns stay below.
const CHUNK = 1_000;

const chunks = <T>(rows: T[]) =>
  Array.from({ length: Math.ceil(rows.length / CHUNK) }, (_, i) => rows.slice(i * CHUNK, (i + 1) * CHUNK));

const day = (date: Date) => date.toISOString().slice(0, 10);

export const seedRooms = async (db: Db, count: number, now: Date): Promise<BenchRoom[]> => {
  const people = Array.from({ length: count * 4 }, (_, i) => ({
    email: `rt${i}@bench.kelisim.kz`,
    passwordHash: DUMMY_HASH,
    fullName: i % 4 === 3 ? `Медиатор ${i >> 2}` : (NAMES[i % 4] as string),
    kind: 'individual' as const,
    locale: i % 3 === 0 ? ('ru' as const) : ('kk' as const),
  }));
  const userIds: string[] = [];
  for (const part of chunks(people))
    userIds.push(...(await db.insert(users).values(part).returning({ id: users.id })).map((u) => u.id));

  // A session each, as POST /api/auth/login makes one (without the scrypt): the cookie is the token.
  const tokens = userIds.map(() => newToken());
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  for (const part of chunks(userIds.map((userId, i) => ({ userId, i }))))
    await db
      .insert(sessions)
      .values(
        part.map(({ userId, i }) => ({ tokenHash: sha256Hex(tokens[i] as string), userId, expiresAt })),
      );

  const mediatorUsers = userIds.filter((_, i) => i % 4 === 3);
  for (const part of chunks(mediatorUsers))
    await db.insert(userRoles).values(part.map((userId) => ({ userId, role: 'mediator' })));
  const mediatorIds: string[] = [];
  for (const part of chunks(mediatorUsers.map((userId, i) => ({ userId, i }))))
    mediatorIds.push(
      ...(
        await db
          .insert(mediators)
          .values(
            part.map(({ userId, i }) => ({
              userId,
              kind: 'professional' as const,
              status: 'approved' as const,
              registryNumber: `KZ-MED-RT${String(i).padStart(6, '0')}`,
              birthDate: '1980-01-01',
              higherEducation: true,
              categories: ['civil'],
              languages: ['kk', 'ru'],
              regions: ['north_kazakhstan'],
              remote: true,
              inPerson: false,
              feeType: 'hourly' as const,
              feeAmountKzt: 10_000,
              capacity: 1_000,
            })),
          )
          .returning({ id: mediators.id })
      ).map((m) => m.id),
    );

  const termEnds = new Date(now.getTime() + 30 * 86_400_000);
  const caseIds: string[] = [];
  for (const part of chunks(Array.from({ length: count }, (_, r) => r)))
    caseIds.push(
      ...(
        await db
          .insert(cases)
          .values(
            part.map((r) => ({
              number: `KLS-RT-${String(r).padStart(6, '0')}`,
              status: 'active' as const,
              origin: 'party' as const,
              category: 'civil' as const,
              subject: `Bench room ${r}`,
              region: 'north_kazakhstan' as const,
              language: 'kk' as const,
              remote: true,
              wantsPublicMediator: false,
              createdBy: userIds[r * 4] as string,
              mediatorId: mediatorIds[r] as string,
              mediatorConfirmedAt: now,
              startedOn: day(now),
              termEndsOn: day(termEnds),
              submittedAt: now,
            })),
          )
          .returning({ id: cases.id })
      ).map((c) => c.id),
    );

  const parties = caseIds.flatMap((caseId, r) =>
    [0, 1, 2].map((p) => ({
      caseId,
      side: p === 0 ? ('initiator' as const) : ('respondent' as const),
      kind: 'individual' as const,
      fullName: NAMES[p] as string,
      userId: userIds[r * 4 + p] as string,
      consent: 'accepted' as const,
      consentAt: now,
      contractConfirmedAt: now,
    })),
  );
  for (const part of chunks(parties)) await db.insert(caseParties).values(part);

  return caseIds.map((caseId, r) => ({
    caseId,
    cookies: [0, 1, 2, 3].map((m) => `${SESSION_COOKIE}=${tokens[r * 4 + m]}`),
  }));
};
