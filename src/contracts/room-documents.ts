import { z } from 'zod';
import { idempotencyKey } from './room.ts';

// Documents in a mediation room (issue 5): a resumable upload in chunks, its status, and the file.
// The client declares the file, sends its bytes in chunks of `chunkBytes` with Content-Range, asks
// for `receivedBytes` after a dropped connection and continues from there.

export const newUpload = z.object({
  fileName: z.string('required').trim().min(1, 'required').max(255, 'too_long'),
  sizeBytes: z.number('required').int('invalid_format').min(0, 'invalid_format'),
  /** The client's key for this upload: declaring the same file again returns the same upload. */
  key: idempotencyKey,
});

export const uploadView = z.object({
  id: z.string(),
  room: z.string(),
  fileName: z.string(),
  sizeBytes: z.number().int(),
  receivedBytes: z.number().int(),
  /** Every chunk but the last is exactly this long, and starts where the previous one ended. */
  chunkBytes: z.number().int(),
  status: z.enum(['uploading', 'stored']),
  /** Known once every byte arrived and the content was checked. */
  contentType: z.string().nullable(),
  sha256: z.string().nullable(),
});
export type UploadView = z.infer<typeof uploadView>;

export const downloadQuery = z.object({
  /** `1`: always as an attachment, even a PDF or an image that could be shown. */
  download: z.enum(['0', '1']).optional(),
});
