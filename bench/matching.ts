// matching — rank the top 10 mediators for 1 000 random cases among 100 000 listed ones, through
// the real query+score path (features/registry/queries.ts), and the public search page's query.
// Baseline, in the same run: the obvious way — fetch every mediator passing the hard filters and
// score them all in JS with core's rankMediators; baseline_mismatches counts the baseline cases
// where the fast path's top 10 (ids and scores) differ from it. ratio = baseline p50 / matching p50.
//
//   npm run bench -- matching                                          # PGlite
//   DATABASE_URL=postgres://root@127.0.0.1:5432/test npm run bench -- matching
//
// BENCH_MEDIATORS (default 100000), BENCH_CASES (default 1000), BENCH_BASELINE_CASES (default 50).
import { and, arrayContains, eq, or, type SQL, sql } from 'drizzle-orm';
import { type CaseNeeds, type MediatorRecord, rankMediators } from '../src/core/registry/matching.ts';
import { DISPUTE_CATEGORIES, REGIONS } from '../src/core/registry/reference.ts';
import { buildApp } from '../src/server/app.ts';
import { mediators } from '../src/server/db/schema/index.ts';
import { seedReferenceData } from '../src/server/db/seed.ts';
import { matchMediators, searchMediators } from '../src/server/features/registry/queries.ts';
import { benchLog, cleanup, openBenchPlatform, percentile, roundTo } from './support.ts';

const log = benchLog('matching');
const MEDIATORS = Number(process.env.BENCH_MEDIATORS ?? 100_000);
const CASES = Number(process.env.BENCH_CASES ?? 1000);
const BASELINE_CASES = Number(process.env.BENCH_BASELINE_CASES ?? 50);
const LANGUAGES = ['kk', 'ru', 'en', 'uz'] as const;

// Deterministic pseudo-random numbers, so every run measures the same cases.
let state = 20110128;
const random = () => {
  state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
  return state / 2 ** 31;
};
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;

/** 100 000 users and mediators in two statements: arrays and numbers vary with the row number. */
const bulkInsert = async (
  db: Awaited<ReturnType<typeof openBenchPlatform>>['platform']['database']['db'],
) => {
  const regions = `array[${REGIONS.map((r) => `'${r}'`).join(',')}]`;
  const categories = `array[${DISPUTE_CATEGORIES.map((c) => `'${c}'`).join(',')}]`;
  await db.execute(
    sql.raw(`insert into users (email, password_hash, full_name, kind, locale)
      select 'bench' || i || '@example.kz', 'scrypt$4096$8$1$x$x', 'Mediator ' || i, 'individual', 'kk'
      from generate_series(1, ${MEDIATORS}) as i`),
  );
  await db.execute(
    sql.raw(`insert into mediators (user_id, kind, status, registry_number, birth_date, higher_education, categories, languages,
        regions, remote, in_person, fee_type, fee_amount_kzt, capacity, active_cases, completed_cases, settled_cases,
        rating_sum, rating_count, upheld_complaints)
      select u.id,
        case when n % 5 = 0 then 'public' else 'professional' end,
        case when n % 50 = 0 then 'suspended' else 'approved' end,
        'KZ-MED-B' || n, date '1980-01-01', true,
        array[(${categories})[1 + n % 7], (${categories})[1 + (n * 3) % 7]],
        case n % 4 when 0 then array['kk','ru'] when 1 then array['kk'] when 2 then array['ru','en'] else array['kk','ru','uz'] end,
        array[(${regions})[1 + n % 20], (${regions})[1 + (n * 7) % 20]],
        n % 3 <> 0, true,
        case when n % 5 = 0 then 'free' else 'hourly' end,
        case when n % 5 = 0 then null else 10000 end,
        5 + n % 10, n % 12, n % 40, (n % 40) / 2, (n % 17) * 4, n % 17, case when n % 97 = 0 then 1 else 0 end
      from (select id, row_number() over (order by email) as n from users where email like 'bench%') as u`),
  );
  // What autovacuum does to a registry after such a load: statistics for the planner, and the
  // visibility map that lets ranking and search read their indexes without visiting the rows.
  await db.execute(sql`vacuum analyze users, mediators`);
};

const randomCase = (): CaseNeeds => ({
  category: pick(DISPUTE_CATEGORIES),
  language: pick(LANGUAGES),
  region: pick(REGIONS),
  remote: random() < 0.6,
  wantsPublic: random() < 0.2,
});

const time = async (work: () => Promise<unknown>) => {
  const start = performance.now();
  await work();
  return performance.now() - start;
};

const main = async () => {
  const { platform, engine, where } = await openBenchPlatform('matching');
  log(`database: ${engine} (${where})`);
  await seedReferenceData(platform.database.db);
  const seeding = await time(() => bulkInsert(platform.database.db));
  log(`inserted ${MEDIATORS} mediators in ${Math.round(seeding)} ms`);
  const { ctx, app } = await buildApp(platform, { webDist: null });

  const cases = Array.from({ length: CASES }, randomCase);
  for (const needs of cases.slice(0, 20)) await matchMediators(ctx, needs); // warm-up
  const matching: number[] = [];
  for (const needs of cases) matching.push(await time(() => matchMediators(ctx, needs)));

  // The public search page: a filter or two, first page of 20.
  const search: number[] = [];
  for (const needs of cases) {
    const query = {
      category: needs.category,
      language: needs.language,
      region: random() < 0.5 ? needs.region : undefined,
      remote: needs.remote ? ('true' as const) : undefined,
      offset: 0,
      limit: 20,
    };
    search.push(await time(() => searchMediators(ctx, 'kk', query)));
  }

  // Baseline: every candidate to the app, scored in JS. Its answers are also the check that the
  // fast path ranks the same mediators with the same scores (a mismatch is reported, not hidden).
  const baseline: number[] = [];
  let mismatches = 0;
  for (const needs of cases.slice(0, BASELINE_CASES)) {
    let expected: ReturnType<typeof rankMediators> = [];
    baseline.push(
      await time(async () => {
        const local = arrayContains(mediators.regions, [needs.region]);
        const filters: SQL[] = [
          eq(mediators.status, 'approved'),
          arrayContains(mediators.languages, [needs.language]),
        ];
        filters.push(needs.remote ? (or(eq(mediators.remote, true), local) as SQL) : local);
        const rows = await ctx.db
          .select()
          .from(mediators)
          .where(and(...filters));
        expected = rankMediators(needs, rows as unknown as MediatorRecord[]);
      }),
    );
    const fast = await matchMediators(ctx, needs);
    const same = (a: { id: string; score: number }[], e: typeof expected) =>
      a.length === e.length && a.every((x, i) => x.id === e[i]?.mediator.id && x.score === e[i]?.score);
    if (!same(fast, expected)) {
      mismatches += 1;
      log(`ranking differs from the baseline for ${JSON.stringify(needs)}`);
    }
  }
  await app.close();

  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  const [m, s, b] = [sorted(matching), sorted(search), sorted(baseline)];
  const result = {
    bench: 'matching',
    db: engine,
    mediators: MEDIATORS,
    cases: CASES,
    p50_ms: roundTo(percentile(m, 50)),
    p99_ms: roundTo(percentile(m, 99)),
    search_p50_ms: roundTo(percentile(s, 50)),
    search_p99_ms: roundTo(percentile(s, 99)),
    baseline_p50_ms: roundTo(percentile(b, 50)),
    baseline_mismatches: mismatches,
    ratio: roundTo(percentile(b, 50) / percentile(m, 50)),
  };
  await cleanup();
  process.stdout.write(`${JSON.stringify(result)}\n`);
};

main().catch(async (error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  await cleanup();
  process.exit(1);
});
