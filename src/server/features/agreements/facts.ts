import { eq } from 'drizzle-orm';
import type { AgreementFacts } from '../../../core/agreements/compose.ts';
import type { AgreementMediator } from '../../../core/agreements/types.ts';
import { kzDate } from '../../../core/calendar/dates.ts';
import type { Db } from '../../db/open.ts';
import { mediatorOrganisations, mediators, users } from '../../db/schema/index.ts';
import { Problem } from '../../platform/errors.ts';
import type { LoadedCase } from '../cases/store.ts';

// What the agreement states about the case that nobody may write differently: its number and
// category, the parties as the case knows them (name, IIN/BIN), the mediator as the registry
// knows them (R-MED-12/14: registry number, organisation or akimat), and the date.

/** The parties who agreed to mediate: they sign (R-MED-21). */
export const signingParties = (loaded: LoadedCase) => loaded.parties.filter((p) => p.consent === 'accepted');

/** Everyone who approves and signs (R-MED-21): those parties, and the mediator. */
export const requiredSigners = (loaded: LoadedCase) => [
  ...signingParties(loaded).map((p) => p.id),
  'mediator',
];

const mediatorOf = async (db: Db, mediatorId: string): Promise<AgreementMediator> => {
  const [row] = await db
    .select({
      name: users.fullName,
      kind: mediators.kind,
      registryNumber: mediators.registryNumber,
      akimat: mediators.akimat,
      org: mediatorOrganisations,
    })
    .from(mediators)
    .innerJoin(users, eq(users.id, mediators.userId))
    .leftJoin(mediatorOrganisations, eq(mediatorOrganisations.id, mediators.organisationId))
    .where(eq(mediators.id, mediatorId));
  if (!row) throw new Problem(409, 'agreement_needs_mediator');
  // A public mediator is on the akimat's list (R-MED-14): the akimat stands where an organisation would.
  const organisation = row.org
    ? { kk: row.org.nameKk, ru: row.org.nameRu, en: row.org.nameEn }
    : { kk: row.akimat ?? '', ru: row.akimat ?? '', en: row.akimat ?? '' };
  return { name: row.name, kind: row.kind, registryNumber: row.registryNumber ?? '', organisation };
};

export const agreementFacts = async (db: Db, loaded: LoadedCase, now: Date): Promise<AgreementFacts> => {
  const { row } = loaded;
  if (!row.mediatorId) throw new Problem(409, 'agreement_needs_mediator');
  // Every submitted case has its category (intake requires it); a draft never reaches here.
  if (!row.category) throw new Error(`case ${row.id} has no category`);
  return {
    caseNumber: row.number,
    category: row.category,
    ...(row.courtCaseNumber ? { courtCaseNumber: row.courtCaseNumber } : {}),
    date: kzDate(now),
    parties: signingParties(loaded).map((p) => ({
      id: p.id,
      kind: p.kind,
      name: p.fullName,
      ...(p.iin ? { iin: p.iin } : {}),
      ...(p.bin ? { bin: p.bin } : {}),
    })),
    mediator: await mediatorOf(db, row.mediatorId),
  };
};
