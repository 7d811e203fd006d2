import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/open.ts';
import { platformCertificates, users } from '../../db/schema/index.ts';
import { audit } from '../../platform/audit.ts';
import type { Principal } from '../../platform/auth/sessions.ts';
import { Problem } from '../../platform/errors.ts';
import { fingerprintOf } from '../../platform/signatures/trust.ts';
import { transact } from '../../platform/transaction.ts';
import { provenPublicKey } from './csr.ts';
import { certificatesOf, issuedSince } from './queries.ts';

// The platform CA certifies a browser key for the account that proved it holds the key (issue 6,
// "with a platform key"): the certificate names the account's full name and IIN, never what the
// request claimed. Signing happens before the transaction (DESIGN.md §3: none inside one); the
// transaction locks the account's row, so two requests at once cannot both pass the daily limit.

/** At most this many certificates per account in any 24 hours: a key is made once per browser. */
export const DAILY_CERTIFICATE_LIMIT = 10;
const DAY_MS = 86_400_000;

const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const refuseOverLimit = async (db: Db, userId: string, now: Date) => {
  if ((await issuedSince(db, userId, new Date(now.getTime() - DAY_MS))) >= DAILY_CERTIFICATE_LIMIT)
    throw new Problem(429, 'certificate_rate_limited', { limit: DAILY_CERTIFICATE_LIMIT });
};

const accountIdentity = async (db: Db, userId: string) => {
  const [row] = await db
    .select({ fullName: users.fullName, iin: users.iin })
    .from(users)
    .where(eq(users.id, userId));
  if (!row) throw new Problem(401, 'unauthenticated');
  return row;
};

/** POST /api/signing/certificate: `csr` is a PKCS#10 request, DER in base64. */
export const issuePlatformCertificate = async (ctx: AppContext, principal: Principal, csr: string) => {
  const spki = await provenPublicKey(csr);
  const account = await accountIdentity(ctx.db, principal.userId);
  if (!account.iin) throw new Problem(422, 'certificate_needs_iin');
  const now = ctx.clock.now();
  await refuseOverLimit(ctx.db, principal.userId, now);
  const issued = await ctx.signatures.ca.issue({ spki, commonName: account.fullName, iin: account.iin, now });
  const serial = issued.serialHex.toLowerCase();
  const fingerprint = fingerprintOf(issued.der);
  await transact(ctx, async (tx) => {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, principal.userId)).for('update');
    // Counted again under the lock; a certificate refused here was never stored nor shown.
    await refuseOverLimit(tx, principal.userId, now);
    await tx.insert(platformCertificates).values({
      serialHex: serial,
      userId: principal.userId,
      der: Buffer.from(issued.der),
      spkiSha256: sha256Hex(spki),
      fingerprint,
      issuedAt: now,
      notAfter: issued.notAfter,
    });
    await audit(
      tx,
      {
        actorId: principal.userId,
        action: 'signing.certificate_issued',
        subjectType: 'user',
        subjectId: principal.userId,
        data: { serial, fingerprint, notAfter: issued.notAfter.toISOString() },
      },
      now,
    );
  });
  return {
    certificate: Buffer.from(issued.der).toString('base64'),
    serial,
    notAfter: issued.notAfter.toISOString(),
  };
};

/** DELETE /api/signing/certificates/:serial: the holder revokes their own certificate (idempotent). */
export const revokePlatformCertificate = async (ctx: AppContext, principal: Principal, serial: string) => {
  const now = ctx.clock.now();
  await transact(ctx, async (tx) => {
    const [row] = await tx
      .select({ revokedAt: platformCertificates.revokedAt })
      .from(platformCertificates)
      .where(
        and(eq(platformCertificates.serialHex, serial), eq(platformCertificates.userId, principal.userId)),
      )
      .for('update');
    // Someone else's certificate is as unknown to the caller as one that does not exist.
    if (!row) throw new Problem(404, 'not_found');
    if (row.revokedAt) return;
    await tx
      .update(platformCertificates)
      .set({ revokedAt: now })
      .where(eq(platformCertificates.serialHex, serial));
    await audit(
      tx,
      {
        actorId: principal.userId,
        action: 'signing.certificate_revoked',
        subjectType: 'user',
        subjectId: principal.userId,
        data: { serial },
      },
      now,
    );
  });
  return certificatesOf(ctx.db, principal.userId);
};
