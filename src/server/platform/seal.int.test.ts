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
});
