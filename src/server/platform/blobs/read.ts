import type { Readable } from 'node:stream';

/** A stored blob's bytes in memory (documents are at most 25 MB; agreements far less). */
export const readBlob = async (stream: Readable) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
};
