import { asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { organisationInput } from '../../../contracts/registry.ts';
import { isValidBin } from '../../../core/identity/kz-id.ts';
import type { AppContext } from '../../context.ts';
import { ethicsComplaints, mediatorOrganisations, mediators, users } from '../../db/schema/index.ts';
import { audit } from '../../platform/audit.ts';
import type { Principal } from '../../platform/auth/sessions.ts';
import { fieldProblem, Problem } from '../../platform/errors.ts';
import { isUniqueViolation, transact } from '../../platform/transaction.ts';
import { wasPartyWithMediator } from '../cases/participation.ts';
import { notify } from '../notifications/commands.ts';

/** A registry administrator records an organisation of mediators (it keeps its own register, R-MED-12). */
export const createOrganisation = async (
  ctx: AppContext,
  admin: Principal,
  input: z.infer<typeof organisationInput>,
) => {
  if (!isValidBin(input.bin)) throw fieldProblem('bin', 'bin_invalid');
  try {
    return await transact(ctx, async (tx) => {
      const [organisation] = await tx
        .insert(mediatorOrganisations)
        .values({ ...input, createdBy: admin.userId })
        .returning({ id: mediatorOrganisations.id });
      if (!organisation) throw new Error('insert returned nothing');
      await audit(
        tx,
        {
          actorId: admin.userId,
          action: 'registry.organisation_created',
          subjectType: 'mediator_organisation',
          subjectId: organisation.id,
          data: { bin: input.bin },
        },
        ctx.clock.now(),
      );
      return organisation;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw fieldProblem('bin', 'organisation_exists');
    throw error;
  }
};

/**
 * Anyone with an account may complain about a listed mediator's conduct.
 * (Once cases exist, a complaint will also name the case it concerns.)
 */
export const fileComplaint = async (
  ctx: AppContext,
  complainant: Principal,
  mediatorId: string,
  text: string,
) =>
  transact(ctx, async (tx) => {
    const [mediator] = await tx
      .select({ id: mediators.id, userId: mediators.userId, status: mediators.status })
      .from(mediators)
      .where(eq(mediators.id, mediatorId));
    if (
      !mediator ||
      mediator.status === 'submitted' ||
      mediator.status === 'needs_info' ||
      mediator.status === 'refused'
    )
      throw new Problem(404, 'not_found');
    if (mediator.userId === complainant.userId) throw new Problem(403, 'forbidden');
    // A complaint comes from someone the mediator served: a party of one of their cases.
    if (!(await wasPartyWithMediator(tx, complainant.userId, mediatorId)))
      throw new Problem(403, 'complaint_not_participant');
    const [complaint] = await tx
      .insert(ethicsComplaints)
      .values({ mediatorId, complainantId: complainant.userId, text })
      .returning({ id: ethicsComplaints.id });
    if (!complaint) throw new Error('insert returned nothing');
    await audit(
      tx,
      {
        actorId: complainant.userId,
        action: 'registry.complaint_filed',
        subjectType: 'mediator',
        subjectId: mediatorId,
        data: { complaintId: complaint.id },
      },
      ctx.clock.now(),
    );
    return complaint;
  });

export const complaintQueue = (ctx: AppContext) =>
  ctx.db
    .select({
      id: ethicsComplaints.id,
      mediatorId: ethicsComplaints.mediatorId,
      mediatorName: users.fullName,
      text: ethicsComplaints.text,
      status: ethicsComplaints.status,
      createdAt: ethicsComplaints.createdAt,
    })
    .from(ethicsComplaints)
    .innerJoin(mediators, eq(mediators.id, ethicsComplaints.mediatorId))
    .innerJoin(users, eq(users.id, mediators.userId))
    .where(eq(ethicsComplaints.status, 'open'))
    .orderBy(asc(ethicsComplaints.createdAt))
    .then((rows) => rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })));

/** Upheld complaints count against the mediator publicly; both sides are told the outcome. */
export const decideComplaint = async (
  ctx: AppContext,
  admin: Principal,
  complaintId: string,
  outcome: 'upheld' | 'dismissed',
  reasons: string,
) =>
  transact(ctx, async (tx, after) => {
    const [complaint] = await tx
      .select()
      .from(ethicsComplaints)
      .where(eq(ethicsComplaints.id, complaintId))
      .for('update');
    if (!complaint) throw new Problem(404, 'not_found');
    if (complaint.status !== 'open') throw new Problem(409, 'complaint_decided');
    const [mediator] = await tx
      .select({ userId: mediators.userId })
      .from(mediators)
      .where(eq(mediators.id, complaint.mediatorId));
    if (mediator?.userId === admin.userId) throw new Problem(403, 'own_registry_entry');
    await tx
      .update(ethicsComplaints)
      .set({ status: outcome, reasons, decidedBy: admin.userId, decidedAt: ctx.clock.now() })
      .where(eq(ethicsComplaints.id, complaintId));
    if (outcome === 'upheld')
      await tx
        .update(mediators)
        .set({ upheldComplaints: sql`${mediators.upheldComplaints} + 1` })
        .where(eq(mediators.id, complaint.mediatorId));
    await audit(
      tx,
      {
        actorId: admin.userId,
        action: `registry.complaint_${outcome}`,
        subjectType: 'mediator',
        subjectId: complaint.mediatorId,
        data: { complaintId },
      },
      ctx.clock.now(),
    );
    await notify(ctx, tx, after, {
      userId: complaint.complainantId,
      kind: `complaint_${outcome}`,
      link: `/registry/mediators/${complaint.mediatorId}`,
    });
    if (mediator)
      await notify(ctx, tx, after, {
        userId: mediator.userId,
        kind: `complaint_${outcome}`,
        link: '/registry/my-application',
      });
    return { status: outcome };
  });
