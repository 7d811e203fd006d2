import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../contracts/common.ts';
import { roomName } from '../../../contracts/room.ts';
import { downloadQuery, newUpload, uploadView } from '../../../contracts/room-documents.ts';
import type { AppContext } from '../../context.ts';
import { Problem } from '../../platform/errors.ts';
import { requirePrincipal } from '../../platform/http/access.ts';
import { createUpload, parseContentRange, receiveChunk, uploadStatus } from './documents.ts';
import { type RoomDocumentFile, readRoomDocument } from './documents-read.ts';

const tags = ['room'];
const roomParams = idParam.extend({ room: roomName });
const uploadParams = roomParams.extend({ documentId: z.uuid('invalid_format') });
const documentParams = idParam.extend({ documentId: z.uuid('invalid_format') });

/** A chunk travels as one raw request body; the app's limit (1 MiB) is the most one may carry. */
const CHUNK_BODY_LIMIT = 1_048_576;

/** RFC 6266 / 8187: an ASCII fallback for old clients and the exact UTF-8 name for the rest. */
const contentDisposition = (kind: 'inline' | 'attachment', name: string) => {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const utf8 = encodeURIComponent(name).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${utf8}`;
};

/**
 * How a document leaves the server. It came from a participant, so the browser must treat it as
 * untrusted: never sniffed into HTML (nosniff), and shown — PDF and images only — in a sandbox
 * with no script, no same-origin access, no forms; anything else is only downloaded.
 */
const fileHeaders = (file: RoomDocumentFile, forceDownload: boolean) => ({
  'content-type': file.contentType,
  'content-disposition': contentDisposition(
    file.inline && !forceDownload ? 'inline' : 'attachment',
    file.fileName,
  ),
  'content-security-policy': 'sandbox',
  'x-content-type-options': 'nosniff',
  'cache-control': 'private, no-store',
  // The integrity the upload recorded (RFC 9530), for a client that wants to check what it got.
  'repr-digest': `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`,
});

/**
 * Documents in a room (issue 5): declare an upload, send it in chunks, ask how far it got, and
 * read a stored document. Only the room's participants reach any of it; anyone else gets 404.
 */
export const documentRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    // Raw chunks, for these routes only (this plugin's scope): the body arrives as one Buffer.
    app.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: CHUNK_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );

    app.post(
      '/api/cases/:id/rooms/:room/documents',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'Declare a document to upload to a room (PDF, JPEG, PNG, DOCX, XLSX, ODT; at most 25 MB)',
          description: 'The same key returns the same upload, with how many bytes already arrived.',
          params: roomParams,
          body: newUpload,
          response: { 200: uploadView },
        },
      },
      async (request) => {
        const { id, room } = request.params;
        return createUpload(ctx, requirePrincipal(request), id, room, request.body);
      },
    );

    app.get(
      '/api/cases/:id/rooms/:room/documents/:documentId/status',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'How many bytes of my upload arrived: where to continue after a dropped connection',
          params: uploadParams,
          response: { 200: uploadView },
        },
      },
      async (request) => {
        const { id, room, documentId } = request.params;
        return uploadStatus(ctx, requirePrincipal(request), { caseId: id, room, documentId });
      },
    );

    app.put(
      '/api/cases/:id/rooms/:room/documents/:documentId/content',
      {
        config: { access: 'user' },
        bodyLimit: CHUNK_BODY_LIMIT,
        schema: {
          tags,
          summary:
            'Send the next chunk of an upload (application/octet-stream, Content-Range: bytes start-end/total)',
          description:
            'Chunks are `chunkBytes` long (the last one shorter) and start where the received bytes end; ' +
            'the last one finishes the upload: checked by content, stored sealed and posted to the room.',
          params: uploadParams,
          headers: z.object({ 'content-range': z.string().optional() }),
          response: { 200: uploadView },
        },
      },
      async (request) => {
        const principal = requirePrincipal(request);
        if (!Buffer.isBuffer(request.body)) throw new Problem(415, 'unsupported_media_type');
        const { id, room, documentId } = request.params;
        const range = parseContentRange(request.headers['content-range']);
        return receiveChunk(ctx, principal, { caseId: id, room, documentId }, range, request.body);
      },
    );

    app.get(
      '/api/cases/:id/documents/:documentId',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: "A room's document: shown (PDF, images) or downloaded, for that room's participants only",
          params: documentParams,
          querystring: downloadQuery,
        },
      },
      async (request, reply) => {
        const { id, documentId } = request.params;
        const file = await readRoomDocument(ctx, requirePrincipal(request), id, documentId);
        return reply.headers(fileHeaders(file, request.query.download === '1')).send(file.bytes);
      },
    );
  };
