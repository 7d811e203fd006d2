import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { contractTerms } from '../../../contracts/cases.ts';
import { TERM_DAYS } from '../../../core/cases/lifecycle.ts';
import { LOCALES, type Locale } from '../../../core/identity/roles.ts';
import type { MediationLanguage, Region } from '../../../core/registry/reference.ts';
import { canonicalJson } from '../../../core/util/canonical-json.ts';
import type { Db } from '../../db/open.ts';
import { courts } from '../../db/schema/index.ts';
import { sha256Hex } from '../../platform/auth/sessions.ts';
import { mediatorSummary } from '../registry/case-record.ts';
import type { LoadedCase } from './store.ts';

// R-MED-20: the mediation contract, generated from the case when the mediator accepts. Everyone
// confirms the same terms by their SHA-256, so a later change cannot slip under a confirmation;
// the agreements issue can require an electronic signature over these same bytes.

export type ContractTerms = z.infer<typeof contractTerms>;

const nameLocale = (language: string | null): Locale =>
  (LOCALES as readonly string[]).includes(language ?? '') ? (language as Locale) : 'ru';

export const courtOf = async (db: Db, courtId: string | null, locale: Locale) => {
  if (!courtId) return null;
  const [court] = await db.select().from(courts).where(eq(courts.id, courtId));
  if (!court) return null;
  return { name: locale === 'kk' ? court.nameKk : locale === 'en' ? court.nameEn : court.nameRu };
};

export const buildContract = async (db: Db, loaded: LoadedCase, date: string) => {
  const { row } = loaded;
  const locale = nameLocale(row.language);
  const mediator = row.mediatorId ? await mediatorSummary(db, row.mediatorId, locale) : null;
  if (!mediator) throw new Error('a contract needs the accepting mediator');
  const court = await courtOf(db, row.courtId, locale);
  const terms: ContractTerms = {
    number: row.number,
    date,
    place: {
      remote: row.remote ?? true,
      address: row.remote ? null : mediator.address,
      region: row.region as Region,
    },
    parties: loaded.parties.map((p) => ({
      fullName: p.fullName,
      kind: p.kind,
      idNumber: p.iin ?? p.bin,
      representative: p.representative
        ? `${p.representative.fullName} (${p.representative.powerOfAttorney})`
        : null,
    })),
    mediator: {
      fullName: mediator.fullName,
      kind: mediator.kind,
      registryNumber: mediator.registryNumber,
      organisation: mediator.organisation,
    },
    category: row.category as ContractTerms['category'],
    subject: row.subject ?? '',
    language: row.language as MediationLanguage,
    procedure: row.remote ? 'remote' : 'in_person',
    fee: mediator.fee,
    split: 'equal',
    termDays: TERM_DAYS,
    court: court && row.courtCaseNumber ? { name: court.name, caseNumber: row.courtCaseNumber } : null,
    rules: ['R-MED-06', 'R-MED-07', 'R-MED-11', 'R-MED-15', 'R-MED-17', 'R-MED-18', 'R-MED-20'],
  };
  return { terms, hash: sha256Hex(canonicalJson(terms)) };
};
