import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { activeCase, call } from '../../../../test/cases.ts';
import { registerUser, tinyPdf, userWithRoles, validIin } from '../../../../test/factories.ts';
import { docx, odt } from '../../../../test/zip.ts';
import { DOCX, ODT } from '../../../core/util/document-type.ts';
import { auditEvents, roomDocuments, roomMessages } from '../../db/schema/index.ts';
import { readBlob } from '../../platform/blobs/read.ts';
import { sweepAbandonedUploads } from './documents-finish.ts';
import { CHUNK_BYTES, stagingKey, storedKey } from './documents-store.ts';

// Documents in a room (issue 5): resumable chunked uploads, type by content, previews that cannot
// run script, caucus confidentiality (R-MED-17), closed rooms, and nothing half-written.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.reset());

type Upload = { id: string; receivedBytes: number; sizeBytes: number; status: string; sha256: string | null };

const uploads = (caseId: string, room: string) => `/api/cases/${caseId}/rooms/${room}/documents`;
const declare = (
  caseId: string,
  room: string,
  cookie: string,
  fileName: string,
  sizeBytes: number,
  key = crypto.randomUUID(),
) => call(t, 'POST', uploads(caseId, room), cookie, { fileName, sizeBytes, key });
const put = (caseId: string, room: string, id: string, cookie: string, range: string, body: Buffer) =>
  t.app.inject({
    method: 'PUT',
    url: `${uploads(caseId, room)}/${id}/content`,
    headers: { cookie, 'content-type': 'application/octet-stream', 'content-range': range },
    payload: body,
  });
const chunk = (caseId: string, room: string, id: string, cookie: string, file: Buffer, index: number) => {
  const start = index * CHUNK_BYTES;
  const part = file.subarray(start, start + CHUNK_BYTES);
  return put(caseId, room, id, cookie, `bytes ${start}-${start + part.length - 1}/${file.length}`, part);
};
const status = (caseId: string, room: string, id: string, cookie: string) =>
  call(t, 'GET', `${uploads(caseId, room)}/${id}/status`, cookie);
const download = (caseId: string, id: string, cookie: string, query = '') =>
  call(t, 'GET', `/api/cases/${caseId}/documents/${id}${query}`, cookie);
const history = (caseId: string, room: string, cookie: string) =>
  call(t, 'GET', `/api/cases/${caseId}/rooms/${room}/messages`, cookie);

/** Declares and sends a whole file; returns the last answer (the stored upload, or the refusal). */
const upload = async (caseId: string, room: string, cookie: string, file: Buffer, name: string) => {
  const declared = await declare(caseId, room, cookie, name, file.length);
  expect(declared.statusCode, declared.body).toBe(200);
  const { id } = declared.json() as Upload;
  let last = declared;
  for (let index = 0; index * CHUNK_BYTES < file.length; index++) {
    last = await chunk(caseId, room, id, cookie, file, index);
    if (last.statusCode !== 200) break;
  }
  return { id, last };
};

/** A real-looking PDF of three chunks: the signature first, bulk after. */
const bigPdf = () => Buffer.concat([tinyPdf(), randomBytes(2 * CHUNK_BYTES + 1234)]);
const png = () =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(5000)]);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const partyIds = async (caseId: string, cookie: string) => {
  const view = (await call(t, 'GET', `/api/cases/${caseId}`, cookie)).json();
  const id = (side: string) => view.parties.find((p: { side: string }) => p.side === side).id as string;
  return { a: id('initiator'), b: id('respondent') };
};

describe('uploading in chunks', () => {
  it('stores a PDF sent in chunks, records its SHA-256, posts it to the room and previews it sandboxed', async () => {
    const c = await activeCase(t);
    const file = bigPdf();
    const declared = (await declare(c.caseId, 'joint', c.a.cookie, 'Келісім жобасы.pdf', file.length)).json();
    expect(declared).toMatchObject({ receivedBytes: 0, chunkBytes: CHUNK_BYTES, status: 'uploading' });
    const received = [];
    for (let index = 0; index < 3; index++) {
      const answer = await chunk(c.caseId, 'joint', declared.id, c.a.cookie, file, index);
      expect(answer.statusCode, answer.body).toBe(200);
      received.push(answer.json().receivedBytes);
    }
    expect(received).toEqual([CHUNK_BYTES, 2 * CHUNK_BYTES, file.length]);

    const [row] = await t.ctx.db.select().from(roomDocuments);
    expect(row).toMatchObject({ status: 'stored', contentType: 'application/pdf', sha256: sha256(file) });
    const messages = (await history(c.caseId, 'joint', c.b.cookie)).json().messages;
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      kind: 'document',
      body: 'Келісім жобасы.pdf',
      documentId: declared.id,
    });

    const preview = await download(c.caseId, declared.id, c.b.cookie);
    expect(preview.statusCode).toBe(200);
    expect(preview.rawPayload.equals(file)).toBe(true);
    expect(preview.headers['content-type']).toBe('application/pdf');
    expect(preview.headers['content-disposition']).toMatch(/^inline; .*filename\*=UTF-8''/);
    expect(preview.headers['content-security-policy']).toBe('sandbox');
    expect(preview.headers['x-content-type-options']).toBe('nosniff');
    expect(preview.headers['cache-control']).toBe('private, no-store');
    expect(
      (await download(c.caseId, declared.id, c.b.cookie, '?download=1')).headers['content-disposition'],
    ).toMatch(/^attachment;/);

    const events = await t.ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'room.document_uploaded'));
    expect(events).toHaveLength(1);
    expect(events[0]?.data).toMatchObject({ sha256: sha256(file), room: 'joint', sizeBytes: file.length });
    // Staging is gone once the file is stored.
    expect(await t.ctx.blobs.stat(stagingKey(declared.id, 0))).toBeNull();
  });

  it('resumes after a lost chunk from the byte count the server reports', async () => {
    const c = await activeCase(t);
    const file = bigPdf();
    const { id } = (await declare(c.caseId, 'joint', c.a.cookie, 'scan.pdf', file.length)).json();
    expect((await chunk(c.caseId, 'joint', id, c.a.cookie, file, 0)).statusCode).toBe(200);
    // Chunk 1 never arrived (the connection dropped); the client goes on with chunk 2.
    const skipped = await chunk(c.caseId, 'joint', id, c.a.cookie, file, 2);
    expect(skipped.statusCode).toBe(409);
    expect(skipped.json().code).toBe('upload_offset_mismatch');
    expect(skipped.headers['upload-offset']).toBe(String(CHUNK_BYTES));
    // A chunk whose answer was lost, sent again, is refused the same way and changes nothing.
    expect((await chunk(c.caseId, 'joint', id, c.a.cookie, file, 0)).json().code).toBe(
      'upload_offset_mismatch',
    );

    const asked = (await status(c.caseId, 'joint', id, c.a.cookie)).json();
    expect(asked).toMatchObject({ receivedBytes: CHUNK_BYTES, status: 'uploading' });
    expect((await chunk(c.caseId, 'joint', id, c.a.cookie, file, 1)).json().receivedBytes).toBe(
      2 * CHUNK_BYTES,
    );
    const done = (await chunk(c.caseId, 'joint', id, c.a.cookie, file, 2)).json();
    expect(done).toMatchObject({ status: 'stored', sha256: sha256(file) });
    expect((await download(c.caseId, id, c.m.cookie)).rawPayload.equals(file)).toBe(true);
    // The last chunk again (its answer lost): the stored upload, and still one message.
    expect((await chunk(c.caseId, 'joint', id, c.a.cookie, file, 2)).json().status).toBe('stored');
    expect(await t.ctx.db.select().from(roomMessages)).toHaveLength(1);
  });

  it('finishes an upload whose last chunk was counted but not finished (a crash), when it is sent again', async () => {
    const c = await activeCase(t);
    const file = bigPdf();
    const { id } = (await declare(c.caseId, 'joint', c.a.cookie, 'crash.pdf', file.length)).json();
    for (const index of [0, 1]) await chunk(c.caseId, 'joint', id, c.a.cookie, file, index);
    // As the node left it: the last chunk stored and counted, the process gone before finishing.
    const last = file.subarray(2 * CHUNK_BYTES);
    await t.ctx.blobs.put(stagingKey(id, 2), await t.ctx.sealer.seal(t.ctx.db, `case:${c.caseId}`, last));
    await t.ctx.db.update(roomDocuments).set({ receivedBytes: file.length }).where(eq(roomDocuments.id, id));
    expect((await status(c.caseId, 'joint', id, c.a.cookie)).json()).toMatchObject({
      receivedBytes: file.length,
      status: 'uploading',
    });
    expect((await chunk(c.caseId, 'joint', id, c.a.cookie, file, 2)).json()).toMatchObject({
      status: 'stored',
    });
    expect((await download(c.caseId, id, c.b.cookie)).rawPayload.equals(file)).toBe(true);
    expect(await t.ctx.db.select().from(roomMessages)).toHaveLength(1);
  });

  it('previews a PNG, and hands a DOCX and an ODT over as downloads with their own types', async () => {
    const c = await activeCase(t);
    const image = png();
    const shown = await upload(c.caseId, 'joint', c.a.cookie, image, 'photo.png');
    expect(shown.last.json().status).toBe('stored');
    const preview = await download(c.caseId, shown.id, c.b.cookie);
    expect(preview.headers['content-type']).toBe('image/png');
    expect(preview.headers['content-disposition']).toMatch(/^inline;/);
    expect(preview.headers['content-security-policy']).toBe('sandbox');

    for (const [file, name, type] of [
      [docx(), 'Келісім.docx', DOCX],
      [odt(), 'hattama.odt', ODT],
    ] as const) {
      const sent = await upload(c.caseId, 'joint', c.m.cookie, file, name);
      expect(sent.last.json()).toMatchObject({ status: 'stored', contentType: type });
      const got = await download(c.caseId, sent.id, c.a.cookie);
      expect(got.headers['content-type']).toBe(type);
      expect(got.headers['content-disposition']).toBe(
        `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      );
      expect(got.rawPayload.equals(file)).toBe(true);
    }
  });
});

describe('refusing bad uploads, leaving nothing behind', () => {
  it('refuses an executable and an HTML page named .pdf, by content: no document, no message, no staging', async () => {
    const c = await activeCase(t);
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00'), randomBytes(CHUNK_BYTES + 10)]);
    const html = Buffer.from('<!doctype html><script>fetch("/api/me")</script>');
    for (const file of [exe, html]) {
      const { id, last } = await upload(c.caseId, 'joint', c.a.cookie, file, 'agreement.pdf');
      expect(last.statusCode).toBe(415);
      expect(last.json().code).toBe('document_type_not_allowed');
      expect(last.json().detail).toContain('PDF');
      expect(await t.ctx.blobs.stat(stagingKey(id, 0))).toBeNull();
      expect((await status(c.caseId, 'joint', id, c.a.cookie)).statusCode).toBe(404);
    }
    expect(await t.ctx.db.select().from(roomDocuments)).toHaveLength(0);
    expect(await t.ctx.db.select().from(roomMessages)).toHaveLength(0);
  });

  it('refuses files over 25 MB or empty, and chunks that do not fit, with stable codes', async () => {
    const c = await activeCase(t);
    const tooBig = await declare(c.caseId, 'joint', c.a.cookie, 'huge.pdf', 25 * 1024 * 1024 + 1);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json()).toMatchObject({ code: 'document_too_large' });
    expect(tooBig.json().detail).toContain('25');
    expect((await declare(c.caseId, 'joint', c.a.cookie, 'empty.pdf', 0)).json().code).toBe('document_empty');
    expect((await declare(c.caseId, 'joint', c.a.cookie, 'max.pdf', 25 * 1024 * 1024)).statusCode).toBe(200);

    const file = bigPdf();
    const { id } = (await declare(c.caseId, 'joint', c.a.cookie, 'x.pdf', file.length)).json();
    const part = file.subarray(0, CHUNK_BYTES);
    const refusal = async (range: string, body: Buffer) =>
      (await put(c.caseId, 'joint', id, c.a.cookie, range, body)).json();
    expect(await refusal(`bytes 0-${CHUNK_BYTES - 1}/${file.length + 1}`, part)).toMatchObject({
      status: 400,
      code: 'upload_size_mismatch',
    });
    const beyond = await refusal(
      `bytes ${file.length - 10}-${file.length + 9}/${file.length}`,
      randomBytes(20),
    );
    expect(beyond).toMatchObject({ status: 416, code: 'upload_beyond_size' });
    expect(await refusal(`bytes 0-${CHUNK_BYTES}/${file.length}`, part)).toMatchObject({
      code: 'upload_range_invalid',
    });
    expect(await refusal('bytes=0-10', part)).toMatchObject({ code: 'upload_range_invalid' });
    expect(await refusal(`bytes 0-99/${file.length}`, part.subarray(0, 100))).toMatchObject({
      code: 'upload_chunk_size',
    });
    const oversized = randomBytes(1024 * 1024 + 1);
    expect(await refusal(`bytes 0-${oversized.length - 1}/${file.length}`, oversized)).toMatchObject({
      status: 413,
      code: 'payload_too_large',
    });
    const asJson = await call(t, 'POST', uploads(c.caseId, 'joint'), c.a.cookie, {});
    expect(asJson.statusCode).toBe(400);
    expect((await status(c.caseId, 'joint', id, c.a.cookie)).json().receivedBytes).toBe(0);
  });

  it('returns the same upload for the same key, and refuses the key for another file', async () => {
    const c = await activeCase(t);
    const file = png();
    const key = crypto.randomUUID();
    const first = (await declare(c.caseId, 'joint', c.a.cookie, 'a.png', file.length, key)).json();
    const again = (await declare(c.caseId, 'joint', c.a.cookie, 'a.png', file.length, key)).json();
    expect(again.id).toBe(first.id);
    const other = await declare(c.caseId, 'joint', c.a.cookie, 'b.png', file.length, key);
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('upload_key_conflict');
    await chunk(c.caseId, 'joint', first.id, c.a.cookie, file, 0);
    // Declared again after it finished (a reload): the stored document, not a second one.
    expect((await declare(c.caseId, 'joint', c.a.cookie, 'a.png', file.length, key)).json()).toMatchObject({
      id: first.id,
      status: 'stored',
    });
    expect(await t.ctx.db.select().from(roomDocuments)).toHaveLength(1);
    expect(await t.ctx.db.select().from(roomMessages)).toHaveLength(1);
  });
});

describe('who may read a document (R-MED-17)', () => {
  it('keeps a caucus document in the caucus: the other party can neither download it nor see it', async () => {
    const c = await activeCase(t);
    const ids = await partyIds(c.caseId, c.a.cookie);
    const caucusA = `caucus:${ids.a}`;
    const file = png();
    const { id, last } = await upload(c.caseId, caucusA, c.a.cookie, file, 'my limit.png');
    expect(last.json().status).toBe('stored');

    expect((await download(c.caseId, id, c.m.cookie)).rawPayload.equals(file)).toBe(true);
    const refused = await download(c.caseId, id, c.b.cookie);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().code).toBe('document_not_found');
    expect((await history(c.caseId, caucusA, c.b.cookie)).statusCode).toBe(404);
    expect(JSON.stringify((await history(c.caseId, 'joint', c.b.cookie)).json())).not.toContain(id);
    expect((await status(c.caseId, caucusA, id, c.b.cookie)).statusCode).toBe(404);
    expect((await declare(c.caseId, caucusA, c.b.cookie, 'x.png', 10)).statusCode).toBe(404);
  });

  it("keeps a caucus document from the interpreter and the other party's representative; the party's own representative gets it (R-MED-17, R-MED-15)", async () => {
    const c = await activeCase(t);
    const ids = await partyIds(c.caseId, c.a.cookie);
    const [ownIin, otherIin, interpreterIin] = [validIin(), validIin(), validIin()];
    const own = await registerUser(t, { iin: ownIin });
    const other = await registerUser(t, { iin: otherIin });
    const interpreter = await registerUser(t, { iin: interpreterIin });
    const represent = (cookie: string, iin: string) =>
      call(t, 'PUT', `/api/cases/${c.caseId}/representative`, cookie, {
        fullName: 'Өкіл Өкілұлы',
        iin,
        powerOfAttorney: '№ 7-77',
      });
    expect((await represent(c.a.cookie, ownIin)).statusCode).toBe(200);
    expect((await represent(c.b.cookie, otherIin)).statusCode).toBe(200);
    const added = await call(t, 'POST', `/api/cases/${c.caseId}/interpreters`, c.m.cookie, {
      fullName: 'Айгүл Нұрова',
      iin: interpreterIin,
      languages: ['kk', 'ru'],
    });
    expect(added.statusCode).toBe(200);

    const file = png();
    const caucusA = `caucus:${ids.a}`;
    const { id, last } = await upload(c.caseId, caucusA, c.a.cookie, file, 'менің шегім.png');
    expect(last.json().status).toBe('stored');
    expect((await download(c.caseId, id, own.cookie)).rawPayload.equals(file)).toBe(true);
    for (const outsider of [other, interpreter]) {
      const refused = await download(c.caseId, id, outsider.cookie);
      expect(refused.statusCode).toBe(404);
      expect(refused.json().code).toBe('document_not_found');
      expect((await history(c.caseId, caucusA, outsider.cookie)).statusCode).toBe(404);
      expect(JSON.stringify((await history(c.caseId, 'joint', outsider.cookie)).json())).not.toContain(id);
    }
  }, 120_000);

  it('shows a stranger, a court user and another case’s mediator nothing', async () => {
    const c = await activeCase(t);
    const { id } = await upload(c.caseId, 'joint', c.a.cookie, png(), 'photo.png');
    const stranger = await registerUser(t);
    const court = await userWithRoles(t, ['court_user']);
    const other = await activeCase(t);
    for (const cookie of [stranger.cookie, court.cookie, other.m.cookie]) {
      expect((await download(c.caseId, id, cookie)).statusCode).toBe(404);
      expect((await download(other.caseId, id, cookie)).statusCode).toBe(404);
      expect((await declare(c.caseId, 'joint', cookie, 'x.png', 10)).statusCode).toBe(404);
    }
    // The uploader's own upload seen from another case's address does not exist either.
    expect((await download(other.caseId, id, other.a.cookie)).statusCode).toBe(404);
  });

  it('stores files and names sealed, never in the clear, in the blob store and the database', async () => {
    const c = await activeCase(t);
    const marker = 'CONFIDENTIAL-OFFER-250000';
    const file = Buffer.concat([tinyPdf(), Buffer.from(marker.repeat(20_000))]);
    const { id } = (await declare(c.caseId, 'joint', c.a.cookie, 'offer-250000.pdf', file.length)).json();
    await chunk(c.caseId, 'joint', id, c.a.cookie, file, 0);
    const staged = await readBlob(await t.ctx.blobs.get(stagingKey(id, 0)));
    expect(staged.includes(Buffer.from(marker))).toBe(false);
    for (let index = 1; index * CHUNK_BYTES < file.length; index++)
      await chunk(c.caseId, 'joint', id, c.a.cookie, file, index);

    const stored = await readBlob(await t.ctx.blobs.get(storedKey(c.caseId, id)));
    expect(stored.length).toBeGreaterThan(file.length);
    expect(stored.includes(Buffer.from(marker))).toBe(false);
    expect(stored.includes(Buffer.from('%PDF'))).toBe(false);
    const [row] = await t.ctx.db.select().from(roomDocuments);
    expect(row?.fileName).not.toContain('offer');
    expect((await download(c.caseId, id, c.b.cookie)).rawPayload.equals(file)).toBe(true);
  });
});

describe('a room that closes', () => {
  it('refuses uploads once the case ended, discards one in progress, and keeps stored ones readable', async () => {
    const c = await activeCase(t);
    const kept = await upload(c.caseId, 'joint', c.a.cookie, png(), 'before.png');
    const file = bigPdf();
    const { id } = (await declare(c.caseId, 'joint', c.a.cookie, 'late.pdf', file.length)).json();
    await chunk(c.caseId, 'joint', id, c.a.cookie, file, 0);
    await call(t, 'POST', `/api/cases/${c.caseId}/withdrawal`, c.b.cookie, { reason: 'changed my mind' });

    const declared = await declare(c.caseId, 'joint', c.a.cookie, 'after.png', 100);
    expect(declared.statusCode).toBe(409);
    expect(declared.json().code).toBe('room_closed');
    const next = await chunk(c.caseId, 'joint', id, c.a.cookie, file, 1);
    expect(next.statusCode).toBe(409);
    expect(next.json().code).toBe('room_closed');
    expect(await t.ctx.db.select().from(roomDocuments).where(eq(roomDocuments.id, id))).toHaveLength(0);
    expect(await t.ctx.blobs.stat(stagingKey(id, 0))).toBeNull();
    expect((await download(c.caseId, kept.id, c.b.cookie)).statusCode).toBe(200);
  });

  it('throws away uploads abandoned for a day', async () => {
    const c = await activeCase(t);
    const file = bigPdf();
    const { id } = (await declare(c.caseId, 'joint', c.a.cookie, 'abandoned.pdf', file.length)).json();
    await chunk(c.caseId, 'joint', id, c.a.cookie, file, 0);
    expect(await sweepAbandonedUploads(t.ctx)).toEqual({ discarded: 0 });
    t.clock.advance(25 * 60 * 60 * 1000);
    expect(await sweepAbandonedUploads(t.ctx)).toEqual({ discarded: 1 });
    expect(await t.ctx.blobs.stat(stagingKey(id, 0))).toBeNull();
    expect((await status(c.caseId, 'joint', id, c.a.cookie)).statusCode).toBe(404);
  });
});

describe('the API description', () => {
  it('lists the document routes in the OpenAPI document', async () => {
    const spec = (await t.app.inject('/api/openapi.json')).json();
    const content = spec.paths['/api/cases/{id}/rooms/{room}/documents/{documentId}/content'];
    expect(JSON.stringify(content.put.parameters)).toContain('content-range');
    expect(spec.paths['/api/cases/{id}/rooms/{room}/documents'].post).toBeDefined();
    expect(spec.paths['/api/cases/{id}/documents/{documentId}'].get).toBeDefined();
  });
});
