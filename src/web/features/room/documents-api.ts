import type { z } from 'zod';
import type * as documents from '../../../contracts/room-documents.ts';
import { ApiError, NetworkError, type Problem, request } from '../../api.ts';
import { currentLocale } from '../../i18n.ts';

// The client of room documents (src/contracts/room-documents.ts): an upload is declared, sent in
// chunks of the size the server names, and — after a dropped connection — continued from the
// byte count the server reports. The same calls serve a first attempt and a resumed one.

export type UploadView = z.infer<typeof documents.uploadView>;
type NewUpload = z.input<typeof documents.newUpload>;

const id = (value: string) => encodeURIComponent(value);
const uploadsPath = (caseId: string, room: string) => `/api/cases/${id(caseId)}/rooms/${id(room)}/documents`;

/** Where a stored document is read: shown in the browser (PDF, images) or, with `download`, saved. */
export const roomDocumentUrl = (caseId: string, documentId: string, download = false) =>
  `/api/cases/${id(caseId)}/documents/${id(documentId)}${download ? '?download=1' : ''}`;

export const documentsApi = {
  declare: (caseId: string, room: string, body: NewUpload, signal?: AbortSignal) =>
    request<UploadView>('POST', uploadsPath(caseId, room), body, { signal }),
  status: (caseId: string, room: string, uploadId: string, signal?: AbortSignal) =>
    request<UploadView>('GET', `${uploadsPath(caseId, room)}/${id(uploadId)}/status`, undefined, { signal }),
};

const isProblem = (value: unknown): value is Problem =>
  typeof value === 'object' && value !== null && 'code' in value && 'detail' in value;

/**
 * Sends one chunk with XMLHttpRequest, which (unlike fetch) reports upload progress: on a weak
 * connection one chunk takes seconds, and the bar should move meanwhile.
 */
const sendChunk = (
  caseId: string,
  room: string,
  upload: UploadView,
  start: number,
  chunk: Blob,
  onProgress: (sentInChunk: number) => void,
  signal?: AbortSignal,
) =>
  new Promise<UploadView>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', `${uploadsPath(caseId, room)}/${id(upload.id)}/content`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('accept-language', currentLocale());
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('content-range', `bytes ${start}-${start + chunk.size - 1}/${upload.sizeBytes}`);
    xhr.upload.onprogress = (event) => onProgress(event.loaded);
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON (a proxy's error page): reported by status alone.
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as UploadView);
      reject(new ApiError(xhr.status, isProblem(data) ? data : null));
    };
    xhr.onerror = () => reject(new NetworkError('chunk upload failed'));
    xhr.ontimeout = () => reject(new NetworkError('chunk upload timed out'));
    xhr.onabort = () => reject(new DOMException('upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(chunk);
  });

export type UploadProgress = (sentBytes: number, totalBytes: number) => void;

// How often the server may say "continue from elsewhere" in a row before we stop and report it.
const MAX_REALIGNMENTS = 3;

/**
 * Sends the rest of an upload, from what the server already has, until it is stored. A chunk
 * refused for its offset (a retry after a lost answer) makes it ask the server where to go on.
 */
export const sendRest = async (
  caseId: string,
  room: string,
  file: Blob,
  from: UploadView,
  onProgress: UploadProgress,
  signal?: AbortSignal,
): Promise<UploadView> => {
  let upload = from;
  let realignments = 0;
  while (upload.status !== 'stored') {
    onProgress(upload.receivedBytes, upload.sizeBytes);
    // All bytes arrived but the finish was cut off: sending the last chunk again finishes it.
    const start =
      upload.receivedBytes < upload.sizeBytes
        ? upload.receivedBytes
        : Math.floor((upload.sizeBytes - 1) / upload.chunkBytes) * upload.chunkBytes;
    const chunk = file.slice(start, Math.min(start + upload.chunkBytes, upload.sizeBytes));
    const base = start;
    try {
      upload = await sendChunk(
        caseId,
        room,
        upload,
        start,
        chunk,
        (sent) => onProgress(base + sent, upload.sizeBytes),
        signal,
      );
      realignments = 0;
    } catch (error) {
      if (
        !(error instanceof ApiError && error.code === 'upload_offset_mismatch') ||
        ++realignments > MAX_REALIGNMENTS
      )
        throw error;
      upload = await documentsApi.status(caseId, room, upload.id, signal);
    }
  }
  onProgress(upload.sizeBytes, upload.sizeBytes);
  return upload;
};
