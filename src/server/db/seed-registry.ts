import { eq } from 'drizzle-orm';
import { completeKzId } from '../../core/identity/kz-id.ts';
import {
  DISPUTE_CATEGORIES,
  type DisputeCategory,
  type MediationLanguage,
  REGIONS,
  type Region,
} from '../../core/registry/reference.ts';
import { audit } from '../platform/audit.ts';
import { type Db, nextRegistryNumber } from './open.ts';
import { mediatorOrganisations, mediators, mediatorTrainings, userRoles, users } from './schema/index.ts';

// A realistic demo registry (issue 3): two organisations, about forty mediators across the
// country, both kinds, several languages, some with a record, one suspended (not shown publicly).
// Deterministic, so screenshots and demos look the same every time.

const ORGANISATIONS = [
  {
    key: 'north',
    nameKk: 'Солтүстік Қазақстан медиаторлар палатасы',
    nameRu: 'Палата медиаторов Северо-Казахстанской области',
    nameEn: 'North Kazakhstan Chamber of Mediators',
    bin: completeKzId('10034000123') as string,
    region: 'north_kazakhstan',
  },
  {
    key: 'union',
    nameKk: 'Қазақстан медиаторлар одағы',
    nameRu: 'Союз медиаторов Казахстана',
    nameEn: 'Union of Mediators of Kazakhstan',
    bin: completeKzId('12054000456') as string,
    region: 'astana',
  },
] as const;

const NAMES = [
  ['Гүлнар Маратқызы Әбенова', 'f'],
  ['Бауыржан Ерланұлы Сейітов', 'm'],
  ['Светлана Викторовна Ким', 'f'],
  ['Дәурен Асқарұлы Мұқанов', 'm'],
  ['Сәуле Нұрлыбекқызы Жұмабаева', 'f'],
  ['Игорь Петрович Волков', 'm'],
  ['Мадина Ерболқызы Тасова', 'f'],
  ['Асхат Бекболатұлы Нұров', 'm'],
  ['Гаухар Сағатқызы Омарова', 'f'],
  ['Олег Николаевич Степанов', 'm'],
  ['Жанар Маратқызы Ахметова', 'f'],
  ['Ержан Талғатұлы Қалиев', 'm'],
  ['Анна Сергеевна Лебедева', 'f'],
  ['Нұрлан Бақытұлы Досов', 'm'],
  ['Әсел Дәуренқызы Сәрсенова', 'f'],
  ['Руслан Маратович Исаев', 'm'],
  ['Ләззат Әбілқызы Кенжебаева', 'f'],
  ['Серік Жақсылықұлы Әлиев', 'm'],
  ['Елена Александровна Попова', 'f'],
  ['Төлеген Мұратұлы Байжанов', 'm'],
  ['Гүлмира Сейтқалиқызы Ермекова', 'f'],
  ['Данияр Қанатұлы Ысқақов', 'm'],
  ['Татьяна Ивановна Морозова', 'f'],
  ['Арман Серікұлы Жанғалиев', 'm'],
  ['Ақмарал Нұрғалиқызы Әбдірова', 'f'],
  ['Виктор Андреевич Шевченко', 'm'],
  ['Динара Болатқызы Исмаилова', 'f'],
  ['Қуаныш Әділұлы Тоқтаров', 'm'],
  ['Райхан Ерғалиқызы Мамырова', 'f'],
  ['Алексей Дмитриевич Орлов', 'm'],
  ['Шынар Айдарқызы Сұлтанова', 'f'],
  ['Ғалым Бауыржанұлы Рахимов', 'm'],
  ['Ирина Олеговна Ткаченко', 'f'],
  ['Ербол Мақсатұлы Нұрпейісов', 'm'],
  ['Меруерт Қуанышқызы Әбішева', 'f'],
  ['Тимур Рустемович Ахмедов', 'm'],
  ['Зәуре Төлеуқызы Қуанышева', 'f'],
  ['Ақылбек Жомартұлы Есенов', 'm'],
  ['Наталья Павловна Ли', 'f'],
  ['Бақыт Сәкенұлы Оразов', 'm'],
] as const;

const LANGUAGE_SETS: MediationLanguage[][] = [
  ['kk', 'ru'],
  ['kk'],
  ['ru'],
  ['kk', 'ru', 'en'],
  ['ru', 'en'],
  ['kk', 'ru', 'uz'],
  ['kk', 'ru'],
  ['ru', 'de'],
];

const BIOS: Record<'kk' | 'ru' | 'en', (years: number, topic: string) => string> = {
  kk: (years, topic) =>
    `${years} жыл медиация тәжірибесі, негізгі бағыты — ${topic}. Тараптарға өзара тиімді шешім табуға көмектесемін.`,
  ru: (years, topic) =>
    `${years} лет практики медиации, основное направление — ${topic}. Помогаю сторонам найти взаимовыгодное решение.`,
  en: (years, topic) =>
    `${years} years of mediation practice, mainly ${topic}. I help parties find a solution that works for both.`,
};
const TOPICS: Record<DisputeCategory, Record<'kk' | 'ru' | 'en', string>> = {
  family: { kk: 'отбасылық даулар', ru: 'семейные споры', en: 'family disputes' },
  labour: { kk: 'еңбек даулары', ru: 'трудовые споры', en: 'labour disputes' },
  civil: { kk: 'азаматтық даулар', ru: 'гражданские споры', en: 'civil disputes' },
  commercial: { kk: 'кәсіпкерлік даулар', ru: 'предпринимательские споры', en: 'commercial disputes' },
  administrative: { kk: 'әкімшілік даулар', ru: 'административные споры', en: 'administrative disputes' },
  criminal: { kk: 'татуласу', ru: 'примирение сторон', en: 'reconciliation in criminal cases' },
  public_procurement: {
    kk: 'мемлекеттік сатып алу',
    ru: 'государственные закупки',
    en: 'public procurement',
  },
};

const iinFor = (birthDate: string, female: boolean, serial: number) => {
  const [y, m, d] = birthDate.split('-') as [string, string, string];
  for (let s = serial; ; s++) {
    const iin = completeKzId(
      `${y.slice(2)}${m}${d}${female ? '4' : '3'}${String(s % 10000).padStart(4, '0')}`,
    );
    if (iin) return iin;
  }
};

export type DemoMediator = {
  index: number;
  fullName: string;
  female: boolean;
  kind: 'professional' | 'public';
  birthDate: string;
  regions: Region[];
  languages: MediationLanguage[];
  categories: DisputeCategory[];
  organisation: 'north' | 'union' | null;
  completed: number;
  settled: number;
  ratingCount: number;
  ratingSum: number;
  suspended: boolean;
};

/** The demo registry as plain data (also used by tests). */
export const demoMediators = (): DemoMediator[] =>
  NAMES.map(([fullName, sex], i) => {
    const kind = i % 4 === 3 ? 'public' : 'professional';
    const home = REGIONS[i % REGIONS.length] as Region;
    const second = REGIONS[(i * 7 + 3) % REGIONS.length] as Region;
    const categories = [DISPUTE_CATEGORIES[i % 7], DISPUTE_CATEGORIES[(i + 2) % 7]] as DisputeCategory[];
    const completed = (i * 5) % 23;
    const settled = Math.round(completed * (0.45 + (i % 5) * 0.1));
    const ratingCount = Math.min(completed, (i * 3) % 11);
    return {
      index: i,
      fullName,
      female: sex === 'f',
      kind,
      // The first is the demo mediator account, whose IIN says 12 June 1980.
      birthDate:
        i === 0
          ? '1980-06-12'
          : `${1962 + ((i * 3) % 35)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
      // Most serve North Kazakhstan too, where the demo cases are.
      regions: i % 3 === 0 ? [home, 'north_kazakhstan'] : [home, second],
      languages: LANGUAGE_SETS[i % LANGUAGE_SETS.length] as MediationLanguage[],
      categories: [...new Set(categories)],
      organisation: kind === 'public' ? null : i % 2 === 0 ? 'north' : 'union',
      completed,
      settled: Math.min(settled, completed),
      ratingCount,
      ratingSum: ratingCount * (3 + (i % 3)),
      suspended: i === 17,
    };
  });

/** Seeds the demo registry on an empty one; the demo mediator account gets an entry too. */
export const seedDemoRegistry = async (db: Db, passwordHash: string, demoMediatorEmail: string) => {
  await db.transaction(async (trx) => {
    const tx = trx as unknown as Db;
    const orgIds = new Map<string, string>();
    for (const { key, ...organisation } of ORGANISATIONS) {
      const [row] = await tx
        .insert(mediatorOrganisations)
        .values(organisation)
        .returning({ id: mediatorOrganisations.id });
      if (row) orgIds.set(key, row.id);
    }
    const [demoMediator] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, demoMediatorEmail));
    const entries = demoMediators();
    for (const m of entries) {
      const [user] =
        m.index === 0 && demoMediator
          ? [demoMediator]
          : await tx
              .insert(users)
              .values({
                email: `mediator${String(m.index).padStart(2, '0')}@demo.kelisim.kz`,
                passwordHash,
                fullName: m.fullName,
                kind: 'individual',
                iin: iinFor(m.birthDate, m.female, m.index),
                locale: m.languages[0] === 'kk' ? 'kk' : m.languages.includes('en') ? 'en' : 'ru',
              })
              .returning({ id: users.id });
      if (!user) continue;
      const years = 2 + (m.index % 12);
      const topic = m.categories[0] as DisputeCategory;
      const bio = Object.fromEntries(
        (['kk', 'ru', 'en'] as const)
          .filter((l) => m.languages.includes(l))
          .map((l) => [l, BIOS[l](years, TOPICS[topic][l])]),
      );
      const [entry] = await tx
        .insert(mediators)
        .values({
          userId: user.id,
          kind: m.kind,
          status: m.suspended ? 'suspended' : 'approved',
          registryNumber: await nextRegistryNumber(tx),
          organisationId: m.organisation ? (orgIds.get(m.organisation) ?? null) : null,
          akimat: m.kind === 'public' ? `${m.regions[0]} akimat` : null,
          community: m.kind === 'public' ? 'Community assembly' : null,
          electedOn: m.kind === 'public' ? '2026-10-01' : null,
          birthDate: m.birthDate,
          higherEducation: m.kind === 'professional' || m.index % 2 === 0,
          categories: m.categories,
          languages: m.languages,
          regions: m.regions,
          remote: m.index % 5 !== 4,
          inPerson: true,
          address: 'Demo address',
          feeType: m.kind === 'public' ? 'free' : m.index % 2 === 0 ? 'hourly' : 'fixed',
          feeAmountKzt:
            m.kind === 'public'
              ? null
              : m.index % 2 === 0
                ? 8000 + (m.index % 6) * 2000
                : 60000 + (m.index % 4) * 20000,
          capacity: 6 + (m.index % 6),
          activeCases: m.index % 4,
          completedCases: m.completed,
          settledCases: m.settled,
          performedAgreements: Math.floor(m.settled * 0.85),
          ratingSum: m.ratingSum,
          ratingCount: m.ratingCount,
          bio,
          decisionReason: m.suspended ? 'Demo: suspended pending an ethics review' : null,
        })
        .returning({ id: mediators.id });
      if (!entry) continue;
      await tx.insert(mediatorTrainings).values([
        {
          mediatorId: entry.id,
          kind: 'general',
          title: 'General course of mediator training',
          provider: 'Kazakhstan Mediation Centre',
          hours: 72 + (m.index % 3) * 24,
          completedOn: `${2015 + (m.index % 10)}-04-20`,
        },
        ...(m.index % 2 === 0
          ? [
              {
                mediatorId: entry.id,
                kind: 'specialised' as const,
                title: `Specialised course: ${TOPICS[topic].en}`,
                provider: 'Union of Mediators of Kazakhstan',
                hours: 36,
                completedOn: '2024-09-15',
              },
            ]
          : []),
      ]);
      if (!m.suspended)
        await tx.insert(userRoles).values({ userId: user.id, role: 'mediator' }).onConflictDoNothing();
      await audit(tx, {
        actorId: null,
        action: 'registry.seeded',
        subjectType: 'mediator',
        subjectId: entry.id,
        data: { status: m.suspended ? 'suspended' : 'approved' },
      });
    }
  });
};
