import { buildApp } from './app.ts';
import { type Config, loadConfig } from './config.ts';
import { seedDemoData, seedReferenceData } from './db/seed.ts';
import { deliverDueFilings } from './features/agreements/webhook.ts';
import { runCaseDeadlines } from './features/cases/deadlines.ts';
import { seedDemoCases } from './features/cases/demo.ts';
import { sweepAbandonedUploads } from './features/room/documents-finish.ts';
import { runSessionReminders } from './features/schedule/reminders.ts';
import { createPlatform } from './platform/index.ts';
import { startJobs } from './platform/jobs.ts';

/** config → platform → migrations → app → listen; SIGTERM/SIGINT close everything cleanly. */
export const serve = async (config: Config = loadConfig()) => {
  const { platform, close } = await createPlatform(config);
  await platform.database.migrate();
  await seedReferenceData(platform.database.db);
  if (config.demo) await seedDemoData(platform.database.db, config.scryptCost);

  const { app, ctx } = await buildApp(platform, {
    logger: {
      level: config.logLevel,
      // Never log credentials: cookies and auth headers are dropped from request logs.
      redact: {
        paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
        remove: true,
      },
    },
  });
  // Demo cases go through the real use cases, which need the application's context.
  if (config.demo) await seedDemoCases(ctx);
  const stopJobs = config.roles.worker
    ? startJobs(
        ctx,
        [
          { name: 'case-deadlines', run: runCaseDeadlines },
          { name: 'session-reminders', run: runSessionReminders },
          { name: 'room-upload-sweep', run: sweepAbandonedUploads },
          { name: 'court-filing-deliveries', run: deliverDueFilings },
        ],
        config.workerIntervalMs,
      )
    : async () => {};
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    await stopJobs();
    await app.close();
    await close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { url: config.publicUrl, database: platform.database.engine, demo: config.demo },
    'Kelisim is ready',
  );
  return app;
};
