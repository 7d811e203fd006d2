import type { AppContext } from '../context.ts';
import type { Db } from '../db/open.ts';
import { deferAudit, flushAudit } from './audit.ts';

/** Work to do only once the transaction has committed: mail, bus messages, cache drops. */
export type AfterCommit = (effect: () => Promise<unknown>) => void;

/**
 * Runs `work` in one short transaction (no network inside: DESIGN.md §3), then its after-commit
 * effects in order. An effect that fails is logged, never undoes the committed change.
 */
export const transact = async <T>(
  ctx: AppContext,
  work: (tx: Db, after: AfterCommit) => Promise<T>,
): Promise<T> => {
  const effects: (() => Promise<unknown>)[] = [];
  const result = await ctx.db.transaction(async (raw) => {
    const tx = raw as unknown as Db;
    deferAudit(tx);
    const value = await work(tx, (effect) => effects.push(effect));
    await flushAudit(tx);
    return value;
  });
  for (const effect of effects) {
    try {
      await effect();
    } catch (error) {
      ctx.log.error({ err: error }, 'after-commit effect failed');
    }
  }
  return result;
};

const causeCode = (error: unknown): string | undefined => {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
};

/** PostgreSQL's unique_violation, whichever driver (pg or PGlite) and wrapper reported it. */
export const isUniqueViolation = (error: unknown) => causeCode(error) === '23505';
