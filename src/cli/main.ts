import { eq } from 'drizzle-orm';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/open.ts';
import { userRoles, users } from '../server/db/schema/index.ts';
import { seedDemoData, seedReferenceData } from '../server/db/seed.ts';
import { serve } from '../server/main.ts';
import { audit, verifyAuditChain } from '../server/platform/audit.ts';
import { signatureCommand } from './signature-verify.ts';

const USAGE = `kelisim — online mediation platform

  kelisim serve                 run the platform (web + API) on PORT (default 3000)
  kelisim migrate               apply database migrations and exit
  kelisim seed                  load reference data, and demo accounts on an empty database
  kelisim audit verify          walk the audit hash chain; exit 1 at the first broken link
  kelisim grant-admin EMAIL     make a registered account platform administrator (first install)
  kelisim signature verify FILE.pdf
                                check a signed agreement PDF's signatures; exit 1 unless all are
                                valid and the last covers the whole file, 2 if it is not a PDF

Configuration comes from the environment: see README.md.`;

const withDatabase = async <T>(work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>) => {
  const database = await openDatabase(loadConfig());
  try {
    await database.migrate();
    return await work(database);
  } finally {
    await database.close();
  }
};

const commands: Record<string, (args: string[]) => Promise<number>> = {
  serve: async () => {
    await serve();
    return -1;
  },
  migrate: () => withDatabase(async () => 0),
  seed: () =>
    withDatabase(async ({ db }) => {
      await seedReferenceData(db);
      const seeded = await seedDemoData(db, loadConfig().scryptCost);
      console.log(seeded ? 'demo accounts created' : 'accounts exist already; demo accounts not added');
      return 0;
    }),
  audit: (args) =>
    withDatabase(async ({ db }) => {
      if (args[0] !== 'verify') throw new Error('usage: kelisim audit verify');
      const report = await verifyAuditChain(db);
      if (report.ok) {
        console.log(`audit chain intact: ${report.events} events`);
        return 0;
      }
      console.error(
        `audit chain BROKEN at event #${report.brokenAt}: ${report.reason} (${report.events} events before it verified)`,
      );
      return 1;
    }),
  'grant-admin': (args) =>
    withDatabase(async ({ db }) => {
      const email = args[0]?.toLowerCase();
      if (!email) throw new Error('usage: kelisim grant-admin EMAIL');
      const [user] = await db.select().from(users).where(eq(users.email, email));
      if (!user) {
        console.error(`no account with email ${email}: register it first`);
        return 1;
      }
      await db.transaction(async (tx) => {
        await tx.insert(userRoles).values({ userId: user.id, role: 'platform_admin' }).onConflictDoNothing();
        await audit(tx as typeof db, {
          actorId: null,
          action: 'role.granted',
          subjectType: 'user',
          subjectId: user.id,
          data: { role: 'platform_admin', via: 'cli' },
        });
      });
      console.log(`${email} is now a platform administrator`);
      return 0;
    }),
  // No database: verifying a file needs only the trust anchors.
  signature: (args) => signatureCommand(args),
};

const [name = 'help', ...args] = process.argv.slice(2);
const command = commands[name];
if (!command) {
  console.log(USAGE);
  process.exit(name === 'help' || name === '--help' ? 0 : 2);
}
command(args)
  .then((code) => {
    if (code >= 0) process.exit(code);
  })
  .catch((error: Error) => {
    console.error(error.message);
    process.exit(2);
  });
