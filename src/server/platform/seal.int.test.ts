import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { dataKeys } from '../db/schema/index.ts';
import { createSealer } from './seal.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('sealing port (encryption at rest)', () => {
  it('round-trips, never stores plaintext or the raw data key, and refuses tampering', async () => {
    const sealer = createSealer(randomBytes(32));
    const secret = Buffer.from('Екі тарап келісімге келді: 150 000 ₸ 1 наурызға дейін');
    const sealed = await sealer.seal(t.ctx.db, 'case:1', secret);
    expect(sealed.includes(secret)).toBe(false);
    expect((await sealer.open(t.ctx.db, 'case:1', sealed)).toString()).toBe(secret.toString());
    const [row] = await t.ctx.db.select().from(dataKeys);
    expect(row?.scope).toBe('case:1');
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    await expect(sealer.open(t.ctx.db, 'case:1', tampered)).rejects.toThrow();
  });

  it('binds each value to its scope and needs the right master key', async () => {
    const master = randomBytes(32);
    const sealer = createSealer(master);
    const sealed = await sealer.seal(t.ctx.db, 'case:2', Buffer.from('caucus note'));
    await sealer.seal(t.ctx.db, 'case:3', Buffer.from('other case'));
    await expect(sealer.open(t.ctx.db, 'case:3', sealed)).rejects.toThrow();
    await expect(createSealer(randomBytes(32)).open(t.ctx.db, 'case:2', sealed)).rejects.toThrow();
    expect((await createSealer(master).open(t.ctx.db, 'case:2', sealed)).toString()).toBe('caucus note');
  });

  it('warms many scopes at once: existing keys are reused, missing ones created once and kept', async () => {
    const master = randomBytes(32);
    const first = createSealer(master);
    const before = await first.seal(t.ctx.db, 'case:w1', Buffer.from('before warming'));
    const warmed = createSealer(master);
    await warmed.warm(t.ctx.db, ['case:w1', 'case:w2', 'case:w3', 'case:w2']);
    // The existing key was loaded, not replaced: what was sealed before still opens.
    expect((await warmed.open(t.ctx.db, 'case:w1', before)).toString()).toBe('before warming');
    const later = await warmed.seal(t.ctx.db, 'case:w3', Buffer.from('after warming'));
    expect((await createSealer(master).open(t.ctx.db, 'case:w3', later)).toString()).toBe('after warming');
    const scopes = (await t.ctx.db.select().from(dataKeys))
      .map((row) => row.scope)
      .filter((s) => s.startsWith('case:w'));
    expect(scopes.sort()).toEqual(['case:w1', 'case:w2', 'case:w3']);
  });
});
