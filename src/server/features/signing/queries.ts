import { and, count, desc, eq, gte } from 'drizzle-orm';
import type { PlatformCertificateView } from '../../../contracts/signing.ts';
import type { Db } from '../../db/open.ts';
import { platformCertificates } from '../../db/schema/index.ts';

// Certificates of platform keys as their holders and the signing use case see them.

const view = (row: {
  serialHex: string;
  issuedAt: Date;
  notAfter: Date;
  revokedAt: Date | null;
}): PlatformCertificateView => ({
  serial: row.serialHex,
  issuedAt: row.issuedAt.toISOString(),
  notAfter: row.notAfter.toISOString(),
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

/** The account's certificates, newest first. */
export const certificatesOf = async (db: Db, userId: string) =>
  (
    await db
      .select({
        serialHex: platformCertificates.serialHex,
        issuedAt: platformCertificates.issuedAt,
        notAfter: platformCertificates.notAfter,
        revokedAt: platformCertificates.revokedAt,
      })
      .from(platformCertificates)
      .where(eq(platformCertificates.userId, userId))
      .orderBy(desc(platformCertificates.issuedAt), desc(platformCertificates.serialHex))
  ).map(view);

/** How many certificates the account was issued since `since` (revoked ones count too). */
export const issuedSince = async (db: Db, userId: string, since: Date) => {
  const [row] = await db
    .select({ n: count() })
    .from(platformCertificates)
    .where(and(eq(platformCertificates.userId, userId), gte(platformCertificates.issuedAt, since)));
  return Number(row?.n ?? 0);
};

/**
 * Who the platform CA issued the certificate with this fingerprint (SHA-256 of its DER, hex, as
 * the verifier reports it) to, and whether it was revoked; null when the CA never issued it here.
 * The signing use case refuses a simple signature by a revoked or someone else's certificate.
 */
export const platformCertificateStatus = async (
  db: Db,
  fingerprint: string,
): Promise<{ userId: string; revokedAt: Date | null } | null> => {
  const [row] = await db
    .select({ userId: platformCertificates.userId, revokedAt: platformCertificates.revokedAt })
    .from(platformCertificates)
    .where(eq(platformCertificates.fingerprint, fingerprint.toLowerCase()));
  return row ?? null;
};
