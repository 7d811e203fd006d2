import type { AppContext } from '../context.ts';

// The worker role: periodic jobs (deadlines, reminders). Several worker nodes may run at once:
// every job locks each case while it changes it and re-checks it under the lock, so two nodes
// passing over the same case do the work once.

export type Job = { name: string; run: (ctx: AppContext) => Promise<unknown> };

/** One pass over every job; a failing job is logged and does not stop the others. */
export const runJobsOnce = async (ctx: AppContext, jobs: readonly Job[]) => {
  for (const job of jobs) {
    try {
      const result = await job.run(ctx);
      ctx.log.info({ job: job.name, result }, 'job pass');
    } catch (error) {
      ctx.log.error({ err: error, job: job.name }, 'job failed');
    }
  }
};

/** Runs the jobs now and then every `intervalMs`, one pass at a time; returns a stop function. */
export const startJobs = (ctx: AppContext, jobs: readonly Job[], intervalMs: number) => {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = runJobsOnce(ctx, jobs).finally(() => {
      if (!stopped) timer = setTimeout(tick, intervalMs);
    });
  };
  tick();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
};
