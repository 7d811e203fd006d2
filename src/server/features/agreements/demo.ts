import { webcrypto } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { type AgreementTerms, startingTerms } from '../../../core/agreements/compose.ts';
import { addDays, kzDate } from '../../../core/calendar/dates.ts';
import type { DisputeCategory } from '../../../core/registry/reference.ts';
import { signDetached } from '../../../web/features/signing/detached-cms.ts';
import { buildCertificateRequest } from '../../../web/features/signing/enrol.ts';
import type { AppContext } from '../../context.ts';
import { users } from '../../db/schema/index.ts';
import type { Principal } from '../../platform/auth/sessions.ts';
import { issuePlatformCertificate } from '../signing/commands.ts';
import { approveVersion, createAgreement } from './commands.ts';
import { getAgreement } from './queries.ts';
import { prepareSigning, submitSignature } from './signing.ts';

// Demo agreements (`npm start`), made through the real use cases: a draft from the template in the
// running mediation (to try the builder), and in the settled case an agreement every participant
// approved and signed — with keys made here for the demo people, certified by the platform CA the
// way a browser's key is — so the verification page has something real to show.

const crypto = webcrypto as unknown as Crypto;
const DEMO_IBAN = 'KZ86125KZT5004100100';

const text = (kk: string, ru: string) => ({ kk, ru });

/** Unpaid seasonal wages: paid in two parts by bank transfer, costs set off (R-CPC-03). */
const wageTerms = (
  [initiatorId, respondentId]: [string, string],
  director: string,
  today: string,
): AgreementTerms => ({
  languages: ['kk', 'ru'],
  layout: 'kk+ru',
  subject: text(
    'Маусымдық жұмыс үшін төленбеген жалақы',
    'Невыплаченная заработная плата за сезонную работу',
  ),
  place: text('Петропавл қ.', 'г. Петропавловск'),
  // The farm is an organisation: its director signs for it, on the basis of its charter.
  parties: [
    { id: initiatorId },
    { id: respondentId, representative: { name: director, basis: text('жарғы', 'устав') } },
  ],
  obligations: [
    {
      id: 'o1',
      topic: 'pay',
      debtor: respondentId,
      creditor: initiatorId,
      subject: {
        kind: 'money',
        amountTiyn: 42_000_000,
        purpose: text(
          '2026 жылғы маусымдық жұмыс үшін жалақы',
          'Заработная плата за сезонную работу 2026 года',
        ),
      },
      deadline: {
        kind: 'instalments',
        instalments: [
          { date: addDays(today, 14), amountTiyn: 21_000_000 },
          { date: addDays(today, 44), amountTiyn: 21_000_000 },
        ],
      },
      method: { kind: 'bank_transfer', iban: DEMO_IBAN },
    },
  ],
  clauses: [],
  legalCosts: { kind: 'set_off' },
  mediatorFee: {
    kind: 'split',
    amountTiyn: 3_000_000,
    shares: [
      { partyId: initiatorId, percent: 50 },
      { partyId: respondentId, percent: 50 },
    ],
  },
});

/** A browser-like key for a demo account, certified by the platform CA. */
const demoKey = async (ctx: AppContext, who: Principal) => {
  const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey));
  const csr = await buildCertificateRequest({ spki, privateKey: keys.privateKey }, 'demo', crypto);
  const issued = await issuePlatformCertificate(ctx, who, Buffer.from(csr).toString('base64'));
  return {
    privateKey: keys.privateKey,
    certificate: new Uint8Array(Buffer.from(issued.certificate, 'base64')),
  };
};

const sign = async (ctx: AppContext, who: Principal, caseId: string) => {
  const key = await demoKey(ctx, who);
  const prepared = await prepareSigning(ctx, who, caseId);
  const cms = await signDetached({
    data: new Uint8Array(Buffer.from(prepared.content, 'base64')),
    privateKey: key.privateKey,
    certificate: key.certificate,
    signingTime: ctx.clock.now(),
    crypto,
  });
  await submitSignature(ctx, who, caseId, {
    method: 'platform',
    basedOn: prepared.basedOn,
    cms: Buffer.from(cms).toString('base64'),
  });
};

type People = { initiator: Principal; respondent: Principal; mediator: Principal };

/** The signed agreement of the demo's settled case (called while its mediation still runs). */
export const seedSignedAgreement = async (
  ctx: AppContext,
  people: People,
  caseId: string,
  partyIds: [string, string],
) => {
  const [director] = await ctx.db
    .select({ name: users.fullName })
    .from(users)
    .where(eq(users.id, people.respondent.userId));
  await createAgreement(
    ctx,
    people.mediator,
    caseId,
    wageTerms(partyIds, director?.name ?? '', kzDate(ctx.clock.now())),
  );
  const { version } = await getAgreement(ctx, people.mediator, caseId, 'kk');
  for (const who of [people.initiator, people.respondent, people.mediator])
    await approveVersion(ctx, who, caseId, { version: version.number, hash: version.hash });
  for (const who of [people.initiator, people.respondent, people.mediator]) await sign(ctx, who, caseId);
};

/** A first draft from the category's template in the running demo mediation. */
export const seedDraftAgreement = (
  ctx: AppContext,
  mediator: Principal,
  caseId: string,
  category: DisputeCategory,
  partyIds: string[],
) =>
  createAgreement(
    ctx,
    mediator,
    caseId,
    startingTerms({
      category,
      partyIds,
      languages: ['kk', 'ru'],
      layout: 'kk+ru',
      subject: text('Астық жеткізу шарты бойынша қарыз', 'Долг по договору поставки зерна'),
    }),
  );
