import { and, asc, eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { mediatorNotes } from '../../db/schema/index.ts';
import type { Principal } from '../../platform/auth/sessions.ts';
import { Problem } from '../../platform/errors.ts';
import { roomAccess } from './access.ts';

// The mediator's private notes on a case (issue 5): sealed, and readable by that mediator alone —
// not the parties, not the court, not another mediator (R-MED-17).

const scope = (caseId: string) => `case:${caseId}`;

const requireCaseMediator = async (ctx: AppContext, principal: Principal, caseId: string) => {
  const access = await roomAccess(ctx.db, caseId, principal);
  if (access.member.role !== 'mediator') throw new Problem(404, 'not_found');
  return access;
};

export const listNotes = async (ctx: AppContext, principal: Principal, caseId: string) => {
  await requireCaseMediator(ctx, principal, caseId);
  const rows = await ctx.db
    .select()
    .from(mediatorNotes)
    .where(and(eq(mediatorNotes.caseId, caseId), eq(mediatorNotes.authorUserId, principal.userId)))
    .orderBy(asc(mediatorNotes.createdAt));
  return Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      body: (await ctx.sealer.open(ctx.db, scope(caseId), row.body)).toString(),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    })),
  );
};

/** Adds a note, or rewrites one of the caller's own notes when `noteId` is given. */
export const saveNote = async (
  ctx: AppContext,
  principal: Principal,
  caseId: string,
  body: string,
  noteId?: string,
) => {
  await requireCaseMediator(ctx, principal, caseId);
  const sealed = await ctx.sealer.seal(ctx.db, scope(caseId), Buffer.from(body));
  const now = ctx.clock.now();
  if (!noteId) {
    const [row] = await ctx.db
      .insert(mediatorNotes)
      .values({ caseId, authorUserId: principal.userId, body: sealed, createdAt: now, updatedAt: now })
      .returning({ id: mediatorNotes.id });
    return { id: row?.id as string };
  }
  const updated = await ctx.db
    .update(mediatorNotes)
    .set({ body: sealed, updatedAt: now })
    .where(
      and(
        eq(mediatorNotes.id, noteId),
        eq(mediatorNotes.caseId, caseId),
        eq(mediatorNotes.authorUserId, principal.userId),
      ),
    )
    .returning({ id: mediatorNotes.id });
  if (updated.length === 0) throw new Problem(404, 'not_found');
  return { id: noteId };
};
