import type { VerificationReport } from '../../agreements-api.ts';
import { ApiError, NetworkError, type Problem } from '../../api.ts';
import { currentLocale } from '../../i18n.ts';

const isProblem = (value: unknown): value is Problem =>
  typeof value === 'object' && value !== null && 'code' in value && 'detail' in value && 'status' in value;

/**
 * Sends a PDF to the public verification (POST /api/verify, the raw file as the body): the typed
 * client speaks JSON only, and a PDF of megabytes should not travel as base64 inside JSON.
 */
export const verifyPdf = async (file: Blob, signal?: AbortSignal): Promise<VerificationReport> => {
  let response: Response;
  try {
    response = await fetch('/api/verify', {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json, application/problem+json',
        'accept-language': currentLocale(),
        'content-type': 'application/pdf',
      },
      body: file,
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError(String(error));
  }
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) throw new ApiError(response.status, isProblem(data) ? data : null);
  return data as VerificationReport;
};
