import { eq } from 'drizzle-orm';
import type { Role } from '../../../core/identity/roles.ts';
import type { AppContext } from '../../context.ts';
import { caseParties, cases, mediators, userRoles, users } from '../../db/schema/index.ts';
import type { Principal } from '../../platform/auth/sessions.ts';
import { sha256Hex } from '../../platform/auth/sessions.ts';
import { seedDraftAgreement, seedSignedAgreement } from '../agreements/demo.ts';
import { createDraft, submitRequest } from './intake.ts';
import { acceptAsParty } from './invitations.ts';
import { answerAsMediator, chooseMediator, confirmContract } from './mediation.ts';
import { caseView } from './queries.ts';

// Demo cases for `npm start`: made through the same use cases as real ones (the state machine,
// audit and notifications all apply), so the dashboards of the demo accounts show a case waiting
// for a reply, a running mediation and a settled one.

const principalOf = async (ctx: AppContext, email: string): Promise<Principal> => {
  const [user] = await ctx.db.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`demo account ${email} is missing`);
  const roles = (await ctx.db.select().from(userRoles).where(eq(userRoles.userId, user.id))).map(
    (r) => r.role as Role,
  );
  return {
    userId: user.id,
    fullName: user.fullName,
    email: user.email,
    locale: user.locale,
    roles,
    courtId: user.courtId,
    sessionHash: sha256Hex(`demo:${user.id}`),
  };
};

const request = (
  subject: string,
  category: 'civil' | 'commercial' | 'labour',
  respondent: {
    iin?: string | null;
    bin?: string | null;
    fullName: string;
    email: string;
    kind: 'individual' | 'organisation';
  },
) => ({
  category,
  subject,
  description: subject,
  claimAmountKzt: 850_000,
  region: 'north_kazakhstan' as const,
  language: 'kk' as const,
  remote: true,
  wantsPublicMediator: false,
  respondent: {
    kind: respondent.kind,
    fullName: respondent.fullName,
    iin: respondent.iin ?? undefined,
    bin: respondent.bin ?? undefined,
    email: respondent.email,
  },
});

/** Runs a request up to the contract being concluded by everyone (or stops earlier). */
const runCase = async (
  ctx: AppContext,
  people: { initiator: Principal; respondent: Principal; mediator: Principal; mediatorId: string },
  body: ReturnType<typeof request>,
  until: 'invited' | 'active' | 'settled',
) => {
  const { id } = await createDraft(ctx, people.initiator, body, null);
  await submitRequest(ctx, people.initiator, id);
  if (until === 'invited') return id;
  const parties = await ctx.db.select().from(caseParties).where(eq(caseParties.caseId, id));
  const invited = parties.find((p) => p.side === 'respondent');
  const initiator = parties.find((p) => p.side === 'initiator');
  if (!invited || !initiator) throw new Error('the demo request has no respondent');
  await acceptAsParty(ctx, people.respondent, invited.id, undefined);
  for (const party of [people.initiator, people.respondent])
    await chooseMediator(ctx, party, id, people.mediatorId);
  const asked = await caseView(ctx, people.mediator, id, 'kk');
  await answerAsMediator(ctx, people.mediator, id, {
    accept: true,
    declarations: asked.parties.map((p) => ({ partyId: p.id, conflict: false as const })),
  });
  const { contract } = await caseView(ctx, people.mediator, id, 'kk');
  for (const who of [people.initiator, people.respondent, people.mediator])
    await confirmContract(ctx, who, id, contract?.hash ?? '');
  const partyIds: [string, string] = [initiator.id, invited.id];
  if (until === 'active') await seedDraftAgreement(ctx, people.mediator, id, body.category, partyIds);
  // The last signature of the agreement settles the case (R-MED-21).
  if (until === 'settled') await seedSignedAgreement(ctx, people, id, partyIds);
  return id;
};

/** Once, on a demo database without cases. */
export const seedDemoCases = async (ctx: AppContext) => {
  if ((await ctx.db.select({ id: cases.id }).from(cases).limit(1)).length) return;
  const party = await principalOf(ctx, 'party@demo.kelisim.kz');
  const farm = await principalOf(ctx, 'farm@demo.kelisim.kz');
  const mediator = await principalOf(ctx, 'mediator@demo.kelisim.kz');
  const [entry] = await ctx.db
    .select({ id: mediators.id })
    .from(mediators)
    .where(eq(mediators.userId, mediator.userId));
  if (!entry) return;
  const [farmUser] = await ctx.db.select().from(users).where(eq(users.id, farm.userId));
  const [partyUser] = await ctx.db.select().from(users).where(eq(users.id, party.userId));
  if (!farmUser || !partyUser) return;
  const asFarm = {
    kind: 'organisation' as const,
    bin: farmUser.bin,
    fullName: farmUser.organisationName ?? farmUser.fullName,
    email: farmUser.email,
  };
  const asParty = {
    kind: 'individual' as const,
    iin: partyUser.iin,
    fullName: partyUser.fullName,
    email: partyUser.email,
  };
  const people = { initiator: party, respondent: farm, mediator, mediatorId: entry.id };
  await runCase(ctx, people, request('Маусымдық жұмыс үшін төленбеген жалақы', 'labour', asFarm), 'settled');
  await runCase(ctx, people, request('Астық жеткізу шарты бойынша қарыз', 'commercial', asFarm), 'active');
  await runCase(
    ctx,
    { ...people, initiator: farm, respondent: party },
    request('Жалға алынған техниканы жөндеу шығындары', 'civil', asParty),
    'invited',
  );
};
