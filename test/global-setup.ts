import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPostgres, wrapPglite } from '../src/server/db/open.ts';
import { seedReferenceData } from '../src/server/db/seed.ts';

// Builds one migrated database per run; every test file starts from a copy of it
// (PGlite: a data-dir dump loaded in memory; PostgreSQL: CREATE DATABASE … TEMPLATE).
// One template per run, so two runs against one server do not drop each other's template.
export const PG_TEMPLATE_DB = `kelisim_test_template_${process.pid}`;

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}

const buildPgliteTemplate = async () => {
  const client = await PGlite.create();
  const database = wrapPglite(client);
  await database.migrate();
  await seedReferenceData(database.db);
  const dump = await client.dumpDataDir('none');
  const file = path.resolve('.test-data', `pglite-template-${process.pid}.tar`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await client.close();
  return file;
};

export const adminUrl = (url: string, database = 'postgres') => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

const buildPostgresTemplate = async (url: string) => {
  const admin = new pg.Client({ connectionString: adminUrl(url) });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${PG_TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${PG_TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const database = openPostgres(adminUrl(url, PG_TEMPLATE_DB), 1);
  await database.migrate();
  await seedReferenceData(database.db);
  await database.close();
  return PG_TEMPLATE_DB;
};

export default async function setup(project: TestProject) {
  const engine = project.config.env?.KELISIM_TEST_ENGINE ?? 'pglite';
  if (engine === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('integration-postgres needs TEST_DATABASE_URL');
    project.provide('postgresTemplate', await buildPostgresTemplate(url));
    project.provide('pgliteTemplate', '');
    return async () => {
      const admin = new pg.Client({ connectionString: adminUrl(url) });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${PG_TEMPLATE_DB} WITH (FORCE)`);
      await admin.end();
    };
  }
  const file = await buildPgliteTemplate();
  project.provide('pgliteTemplate', file);
  project.provide('postgresTemplate', '');
  return () => fs.rmSync(file, { force: true });
}
