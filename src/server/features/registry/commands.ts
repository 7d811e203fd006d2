import { and, eq, inArray } from 'drizzle-orm';
import type { MediatorApplication } from '../../../contracts/registry.ts';
import { parseIin } from '../../../core/identity/kz-id.ts';
import { eligibilityProblems } from '../../../core/registry/eligibility.ts';
import {
  APPLICANT_MAY_SUBMIT_FROM,
  nextStatus,
  type RegistryDecision,
} from '../../../core/registry/status.ts';
import type { AppContext } from '../../context.ts';
import { nextRegistryNumber } from '../../db/open.ts';
import { mediatorDocuments, mediators, mediatorTrainings, userRoles, users } from '../../db/schema/index.ts';
import { audit } from '../../platform/audit.ts';
import type { Principal } from '../../platform/auth/sessions.ts';
import { type FieldError, Problem } from '../../platform/errors.ts';
import { transact } from '../../platform/transaction.ts';
import { notify } from '../notifications/commands.ts';

const validationProblem = (errors: FieldError[]) => new Problem(400, 'validation_failed', {}, errors);

/** Checks the law (R-MED-12/13/14/18) and the form's own rules; every problem names its field. */
const applicationProblems = (input: MediatorApplication, today: string, iin: string | null): FieldError[] => {
  const errors: FieldError[] = eligibilityProblems({
    kind: input.kind,
    birthDate: input.birthDate,
    onDate: today,
    higherEducation: input.higherEducation,
    trainings: input.trainings,
    organisationId: input.organisationId,
    akimat: input.akimat,
    fee: input.fee,
  }).map(({ field, code, rule, params }) => ({ field, code, params: { ...params, rule } }));
  const iinBirthDate = iin ? parseIin(iin)?.birthDate : undefined;
  if (iinBirthDate && iinBirthDate !== input.birthDate)
    errors.push({ field: 'birthDate', code: 'birth_date_iin_mismatch' });
  if (input.kind === 'professional' && !input.diplomaDocumentId)
    errors.push({ field: 'diplomaDocumentId', code: 'document_required' });
  if (input.kind === 'public' && !input.community) errors.push({ field: 'community', code: 'required' });
  if (!input.remote && !input.inPerson) errors.push({ field: 'remote', code: 'choose_at_least_one' });
  if (input.inPerson && !input.address) errors.push({ field: 'address', code: 'required' });
  // A biography in each of the platform's languages the mediator offers.
  for (const language of ['kk', 'ru', 'en'] as const) {
    if (input.languages.includes(language) && !input.bio[language])
      errors.push({ field: `bio.${language}`, code: 'required' });
  }
  return errors;
};

/** A person applies to the registry (or answers a request for more information). */
export const applyAsMediator = async (ctx: AppContext, principal: Principal, input: MediatorApplication) => {
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const [account] = await ctx.db.select({ iin: users.iin }).from(users).where(eq(users.id, principal.userId));
  const errors = applicationProblems(input, today, account?.iin ?? null);
  const documentIds = [input.diplomaDocumentId, ...input.trainings.map((t) => t.documentId)].filter(
    (id): id is string => Boolean(id),
  );
  const owned = documentIds.length
    ? await ctx.db
        .select({ id: mediatorDocuments.id })
        .from(mediatorDocuments)
        .where(
          and(inArray(mediatorDocuments.id, documentIds), eq(mediatorDocuments.ownerId, principal.userId)),
        )
    : [];
  const ownedIds = new Set(owned.map((d) => d.id));
  if (input.diplomaDocumentId && !ownedIds.has(input.diplomaDocumentId))
    errors.push({ field: 'diplomaDocumentId', code: 'document_required' });
  input.trainings.forEach((t, i) => {
    if (!ownedIds.has(t.documentId))
      errors.push({ field: `trainings.${i}.documentId`, code: 'document_required' });
  });
  if (errors.length) throw validationProblem(errors);

  return transact(ctx, async (tx, after) => {
    const [existing] = await tx
      .select({ id: mediators.id, status: mediators.status })
      .from(mediators)
      .where(eq(mediators.userId, principal.userId));
    if (!APPLICANT_MAY_SUBMIT_FROM.includes(existing?.status ?? null))
      throw new Problem(409, 'already_in_registry');
    const values = {
      userId: principal.userId,
      kind: input.kind,
      status: 'submitted' as const,
      organisationId: input.kind === 'professional' ? (input.organisationId ?? null) : null,
      akimat: input.kind === 'public' ? (input.akimat ?? null) : null,
      community: input.kind === 'public' ? (input.community ?? null) : null,
      electedOn: input.kind === 'public' ? (input.electedOn ?? null) : null,
      birthDate: input.birthDate,
      higherEducation: input.higherEducation,
      education: input.education ?? null,
      categories: input.categories,
      languages: input.languages,
      regions: input.regions,
      remote: input.remote,
      inPerson: input.inPerson,
      address: input.inPerson ? (input.address ?? null) : null,
      feeType: input.fee.type,
      feeAmountKzt: input.fee.type === 'free' ? null : input.fee.amountKzt,
      capacity: input.capacity,
      bio: input.bio,
      submittedAt: ctx.clock.now(),
      decidedAt: null,
      decidedBy: null,
      decisionReason: null,
      updatedAt: ctx.clock.now(),
    };
    const [entry] = existing
      ? await tx
          .update(mediators)
          .set(values)
          .where(eq(mediators.id, existing.id))
          .returning({ id: mediators.id })
      : await tx.insert(mediators).values(values).returning({ id: mediators.id });
    if (!entry) throw new Error('mediator row missing');
    await tx.delete(mediatorTrainings).where(eq(mediatorTrainings.mediatorId, entry.id));
    if (input.trainings.length)
      await tx.insert(mediatorTrainings).values(input.trainings.map((t) => ({ ...t, mediatorId: entry.id })));
    if (documentIds.length)
      await tx
        .update(mediatorDocuments)
        .set({ mediatorId: entry.id })
        .where(inArray(mediatorDocuments.id, documentIds));
    await audit(
      tx,
      {
        actorId: principal.userId,
        action: existing ? 'registry.resubmitted' : 'registry.applied',
        subjectType: 'mediator',
        subjectId: entry.id,
        data: { kind: input.kind },
      },
      ctx.clock.now(),
    );
    await notify(ctx, tx, after, {
      userId: principal.userId,
      kind: 'registry_application_received',
      link: '/registry/my-application',
    });
    return { id: entry.id };
  });
};

const DECISION_NOTIFICATION: Record<RegistryDecision, string> = {
  approve: 'registry_approved',
  needs_info: 'registry_needs_info',
  refuse: 'registry_refused',
  suspend: 'registry_suspended',
  reinstate: 'registry_reinstated',
  exclude: 'registry_excluded',
};

/** A registry administrator decides on an entry; every decision is audited and the mediator told. */
export const decideOnEntry = async (
  ctx: AppContext,
  admin: Principal,
  mediatorId: string,
  decision: RegistryDecision,
  reason?: string,
) =>
  transact(ctx, async (tx, after) => {
    const [entry] = await tx.select().from(mediators).where(eq(mediators.id, mediatorId)).for('update');
    if (!entry) throw new Problem(404, 'not_found');
    if (entry.userId === admin.userId) throw new Problem(403, 'own_registry_entry');
    const status = nextStatus(entry.status, decision);
    if (!status) throw new Problem(409, 'registry_transition_not_allowed', { from: entry.status, decision });
    let registryNumber = entry.registryNumber;
    if (status === 'approved' && !registryNumber) registryNumber = await nextRegistryNumber(tx);
    await tx
      .update(mediators)
      .set({
        status,
        registryNumber,
        decidedAt: ctx.clock.now(),
        decidedBy: admin.userId,
        decisionReason: reason ?? null,
        updatedAt: ctx.clock.now(),
      })
      .where(eq(mediators.id, mediatorId));
    // The mediator role follows the registry: listed mediators hold it, excluded ones lose it.
    if (status === 'approved')
      await tx
        .insert(userRoles)
        .values({ userId: entry.userId, role: 'mediator', grantedBy: admin.userId })
        .onConflictDoNothing();
    if (status === 'excluded' || status === 'refused')
      await tx
        .delete(userRoles)
        .where(and(eq(userRoles.userId, entry.userId), eq(userRoles.role, 'mediator')));
    await audit(
      tx,
      {
        actorId: admin.userId,
        action: `registry.${decision}`,
        subjectType: 'mediator',
        subjectId: mediatorId,
        data: { from: entry.status, to: status, reason: reason ?? null, registryNumber },
      },
      ctx.clock.now(),
    );
    await notify(ctx, tx, after, {
      userId: entry.userId,
      kind: DECISION_NOTIFICATION[decision],
      params: reason ? { reason } : {},
      link: '/registry/my-application',
    });
    // The mediator role may have changed: the next request must see it.
    after(() => ctx.sessions.userChanged(entry.userId));
    return { status, registryNumber };
  });
