import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  agreementApproval,
  agreementComment,
  agreementTerms,
  newAgreementVersion,
} from '../../../contracts/agreements.ts';
import { agreementHash, canonicalAgreement } from '../../../core/agreements/canonical.ts';
import { type AgreementTerms, composeDraft } from '../../../core/agreements/compose.ts';
import { agreementErrors } from '../../../core/agreements/validate.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/open.ts';
import {
  agreementApprovals,
  agreementComments,
  agreements,
  agreementVersions,
} from '../../db/schema/index.ts';
import { audit } from '../../platform/audit.ts';
import type { Principal } from '../../platform/auth/sessions.ts';
import { fieldProblem, Problem } from '../../platform/errors.ts';
import { type AfterCommit, transact } from '../../platform/transaction.ts';
import { agreementFacts } from './facts.ts';
import { freezeIfEveryoneApproved } from './freeze.ts';
import { tellParticipants } from './notify.ts';
import { layoutLanguages } from './pdf/render.ts';
import { type AgreementActor, agreementAuthor, requireDrafting } from './policy.ts';
import { approvalsOf, findAgreement, loadVersion, openDraft, requireAgreement, sealText } from './store.ts';

// Building the agreement (issue 6): the mediator or a party writes version 1 from the category's
// template, anyone of them proposes changes as a new version (each kept), comments on a version,
// and approves one by naming its hash. When every party and the mediator approved the same latest
// version it is frozen (freeze.ts). A draft may be saved with problems the builder shows; it
// cannot be approved while core validation finds an error (R-CPC-03, R-MED-21, R-SG-01 …).

type Terms = z.infer<typeof agreementTerms>;

type Step = {
  ctx: AppContext;
  tx: Db;
  after: AfterCommit;
  actor: AgreementActor & { key: string };
  now: Date;
  userId: string;
};

const record = (s: Step, agreementId: string, action: string, data: Record<string, unknown>) =>
  audit(
    s.tx,
    {
      actorId: s.userId,
      action: `agreement.${action}`,
      subjectType: 'agreement',
      subjectId: agreementId,
      data: { caseId: s.actor.loaded.row.id, as: s.actor.key, ...data },
    },
    s.now,
  );

const step = <T>(
  ctx: AppContext,
  principal: Principal,
  caseId: string,
  work: (s: Step) => Promise<T>,
): Promise<T> =>
  transact(ctx, async (tx, after) => {
    const actor = await agreementAuthor(tx, principal, caseId);
    return work({ ctx, tx, after, actor, now: ctx.clock.now(), userId: principal.userId });
  });

/** Stores version `number` of the terms as the full draft the platform composes. */
const writeVersion = async (s: Step, agreementId: string, number: number, terms: Terms, note?: string) => {
  // The PDF prints the layout's languages: they must be languages the agreement is written in.
  if (!layoutLanguages(terms.layout).every((lang) => terms.languages.includes(lang)))
    throw fieldProblem('terms.layout', 'layout_language_missing', { layout: terms.layout });
  const facts = await agreementFacts(s.tx, s.actor.loaded, s.now);
  const draft = composeDraft(terms as AgreementTerms, facts);
  const caseId = s.actor.loaded.row.id;
  const hash = await agreementHash(draft);
  await s.tx.insert(agreementVersions).values({
    agreementId,
    number,
    draft: await sealText(s.ctx, s.tx, caseId, canonicalAgreement(draft)),
    hash,
    layout: terms.layout,
    authorId: s.userId,
    authorAs: s.actor.key,
    note: note ? await sealText(s.ctx, s.tx, caseId, note) : null,
    createdAt: s.now,
  });
  return hash;
};

export const createAgreement = (ctx: AppContext, principal: Principal, caseId: string, terms: Terms) =>
  step(ctx, principal, caseId, async (s) => {
    requireDrafting(s.actor.loaded);
    if (await findAgreement(s.tx, caseId)) throw new Problem(409, 'agreement_exists');
    const [row] = await s.tx
      .insert(agreements)
      .values({ caseId, status: 'drafting', latestVersion: 1, createdAt: s.now, updatedAt: s.now })
      .returning();
    if (!row) throw new Error('agreement insert returned nothing');
    const hash = await writeVersion(s, row.id, 1, terms);
    await record(s, row.id, 'created', { version: 1, hash });
    await tellParticipants(s, 'drafted', { version: 1 });
  });

export const proposeVersion = (
  ctx: AppContext,
  principal: Principal,
  caseId: string,
  input: z.infer<typeof newAgreementVersion>,
) =>
  step(ctx, principal, caseId, async (s) => {
    requireDrafting(s.actor.loaded);
    const row = await requireAgreement(s.tx, caseId, true);
    if (row.status !== 'drafting') throw new Problem(409, 'agreement_frozen');
    if (input.basedOn !== row.latestVersion)
      throw new Problem(409, 'agreement_version_stale', { latest: row.latestVersion });
    const number = row.latestVersion + 1;
    const hash = await writeVersion(s, row.id, number, input.terms, input.note);
    await s.tx
      .update(agreements)
      .set({ latestVersion: number, updatedAt: s.now })
      .where(eq(agreements.id, row.id));
    await record(s, row.id, 'version_proposed', { version: number, hash });
    await tellParticipants(s, 'version', { version: number });
  });

export const commentOn = (
  ctx: AppContext,
  principal: Principal,
  caseId: string,
  input: z.infer<typeof agreementComment>,
) =>
  step(ctx, principal, caseId, async (s) => {
    const row = await requireAgreement(s.tx, caseId, true);
    await loadVersion(s.tx, row.id, input.version);
    const [comment] = await s.tx
      .insert(agreementComments)
      .values({
        agreementId: row.id,
        version: input.version,
        authorId: s.userId,
        authorAs: s.actor.key,
        body: await sealText(ctx, s.tx, caseId, input.body),
        createdAt: s.now,
      })
      .returning({ id: agreementComments.id });
    await record(s, row.id, 'commented', { version: input.version, commentId: comment?.id });
    await tellParticipants(s, 'comment', { version: input.version });
  });

/**
 * Approves the latest version by its hash. The text approved is the one the approver saw: a
 * different hash or an older version is refused, and so is a version core validation finds an
 * error in — each error as a field error naming its rule.
 */
export const approveVersion = (
  ctx: AppContext,
  principal: Principal,
  caseId: string,
  input: z.infer<typeof agreementApproval>,
) =>
  step(ctx, principal, caseId, async (s) => {
    requireDrafting(s.actor.loaded);
    const row = await requireAgreement(s.tx, caseId, true);
    if (row.status !== 'drafting') throw new Problem(409, 'agreement_frozen');
    const version = await loadVersion(s.tx, row.id, input.version);
    if (input.version !== row.latestVersion || version.hash !== input.hash)
      throw new Problem(409, 'agreement_version_stale', { latest: row.latestVersion });
    const errors = agreementErrors(await openDraft(ctx, caseId, version));
    if (errors.length)
      throw new Problem(
        422,
        'agreement_invalid',
        { count: errors.length },
        errors.map((e) => ({ field: e.path, code: e.code, params: { ...e.params, rule: e.rule ?? '' } })),
      );
    const already = await approvalsOf(s.tx, row.id, version.number);
    if (already.some((a) => a.signer === s.actor.key)) throw new Problem(409, 'agreement_already_approved');
    await s.tx.insert(agreementApprovals).values({
      agreementId: row.id,
      version: version.number,
      signer: s.actor.key,
      userId: s.userId,
      at: s.now,
    });
    await record(s, row.id, 'approved', { version: version.number, hash: version.hash });
    const frozen = await freezeIfEveryoneApproved(s, row, version, [
      ...already.map((a) => a.signer),
      s.actor.key,
    ]);
    await tellParticipants(s, frozen ? 'frozen' : 'approved', { version: version.number });
  });

export type { Step };
