import { z } from 'zod';

// Certificates the platform CA issued for the caller's browser keys (issue 6, "with a platform
// key"). The request and the answer of issuing are certificateRequest / issuedCertificate in
// contracts/agreements.ts, which the web client already uses.

export const platformCertificateView = z.object({
  /** Hex, lowercase: the certificate's serial number. */
  serial: z.string(),
  issuedAt: z.iso.datetime(),
  notAfter: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
});
export type PlatformCertificateView = z.infer<typeof platformCertificateView>;

export const platformCertificateList = z.array(platformCertificateView);

export const certificateSerialParam = z.object({
  serial: z
    .string()
    .min(1)
    .max(80)
    .transform((value) => value.toLowerCase()),
});
