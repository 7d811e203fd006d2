import { count, eq } from 'drizzle-orm';
import { completeKzId } from '../../core/identity/kz-id.ts';
import type { Role } from '../../core/identity/roles.ts';
import { audit } from '../platform/audit.ts';
import { hashPassword } from '../platform/passwords.ts';
import type { Db } from './open.ts';
import { courts, userRoles, users } from './schema/index.ts';
import { seedDemoRegistry } from './seed-registry.ts';

// Reference data every installation needs: courts that refer cases and approve agreements.
// Codes are ours; names as the courts publish them.
export const COURTS = [
  {
    code: 'SKO-SMEC',
    region: 'north_kazakhstan',
    nameKk: 'Солтүстік Қазақстан облысының мамандандырылған ауданаралық экономикалық соты',
    nameRu: 'Специализированный межрайонный экономический суд Северо-Казахстанской области',
    nameEn: 'Specialised Inter-District Economic Court of North Kazakhstan Region',
  },
  {
    code: 'SKO-PETRO',
    region: 'north_kazakhstan',
    nameKk: 'Петропавл қалалық соты',
    nameRu: 'Петропавловский городской суд',
    nameEn: 'Petropavlovsk City Court',
  },
  {
    code: 'AST-SMEC',
    region: 'astana',
    nameKk: 'Астана қаласының мамандандырылған ауданаралық экономикалық соты',
    nameRu: 'Специализированный межрайонный экономический суд города Астаны',
    nameEn: 'Specialised Inter-District Economic Court of Astana',
  },
  {
    code: 'ALA-SMEC',
    region: 'almaty',
    nameKk: 'Алматы қаласының мамандандырылған ауданаралық экономикалық соты',
    nameRu: 'Специализированный межрайонный экономический суд города Алматы',
    nameEn: 'Specialised Inter-District Economic Court of Almaty',
  },
  {
    code: 'SHY-SMEC',
    region: 'shymkent',
    nameKk: 'Шымкент қаласының мамандандырылған ауданаралық экономикалық соты',
    nameRu: 'Специализированный межрайонный экономический суд города Шымкента',
    nameEn: 'Specialised Inter-District Economic Court of Shymkent',
  },
] as const;

export const seedReferenceData = async (db: Db) => {
  await db
    .insert(courts)
    .values([...COURTS])
    .onConflictDoNothing({ target: courts.code });
};

export const DEMO_PASSWORD = 'kelisim-demo-2026';

type DemoAccount = {
  email: string;
  role: Role;
  fullName: string;
  kind: 'individual' | 'organisation';
  iin?: string;
  bin?: string;
  organisationName?: string;
  locale: 'kk' | 'ru' | 'en';
  court?: string;
};

const iin = (first11: string) => completeKzId(first11) as string;

// One account per role, listed on the login page in demo mode.
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: 'party@demo.kelisim.kz',
    role: 'party',
    fullName: 'Айгерім Сейітқызы Нұрланова',
    kind: 'individual',
    iin: iin('85030240012'),
    locale: 'kk',
  },
  {
    email: 'farm@demo.kelisim.kz',
    role: 'party',
    fullName: 'Ерлан Болатұлы Жақсыбеков',
    kind: 'organisation',
    iin: iin('78111130045'),
    bin: completeKzId('05014000012') as string,
    organisationName: '«Солтүстік Агро» ЖШС',
    locale: 'ru',
  },
  {
    email: 'mediator@demo.kelisim.kz',
    role: 'mediator',
    fullName: 'Гүлнар Маратқызы Әбенова',
    kind: 'individual',
    iin: iin('80061240023'),
    locale: 'kk',
  },
  {
    email: 'judge@demo.kelisim.kz',
    role: 'court_user',
    fullName: 'Нұрлан Серікұлы Қасымов',
    kind: 'individual',
    iin: iin('75090930031'),
    locale: 'ru',
    court: 'SKO-SMEC',
  },
  {
    email: 'registry@demo.kelisim.kz',
    role: 'registry_admin',
    fullName: 'Дана Ерболқызы Омарова',
    kind: 'individual',
    iin: iin('90042040056'),
    locale: 'kk',
  },
  {
    email: 'analyst@demo.kelisim.kz',
    role: 'analyst',
    fullName: 'Timur Akhmetov',
    kind: 'individual',
    iin: iin('92111530061'),
    locale: 'en',
  },
  {
    email: 'admin@demo.kelisim.kz',
    role: 'platform_admin',
    fullName: 'Әлия Бекқызы Сапарова',
    kind: 'individual',
    iin: iin('88072540078'),
    locale: 'kk',
  },
];

/** Demo accounts on an empty database; does nothing once any account exists. */
export const seedDemoData = async (db: Db, scryptCost: number) => {
  const [existing] = await db.select({ n: count() }).from(users);
  if ((existing?.n ?? 0) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD, scryptCost);
  await db.transaction(async (tx) => {
    for (const account of DEMO_ACCOUNTS) {
      const [court] = account.court
        ? await tx.select().from(courts).where(eq(courts.code, account.court))
        : [];
      const [user] = await tx
        .insert(users)
        .values({
          email: account.email,
          passwordHash,
          fullName: account.fullName,
          kind: account.kind,
          iin: account.iin ?? null,
          bin: account.bin ?? null,
          organisationName: account.organisationName ?? null,
          locale: account.locale,
          courtId: court?.id ?? null,
        })
        .returning({ id: users.id });
      if (!user) continue;
      const roles = account.role === 'party' ? ['party'] : ['party', account.role];
      await tx.insert(userRoles).values(roles.map((role) => ({ userId: user.id, role })));
      await audit(tx as unknown as Db, {
        actorId: null,
        action: 'user.seeded',
        subjectType: 'user',
        subjectId: user.id,
        data: { roles },
      });
    }
  });
  await seedDemoRegistry(db, passwordHash, 'mediator@demo.kelisim.kz');
  return true;
};
