import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ApiError,
  type DocumentKind,
  documentUrl,
  NetworkError,
  type UploadedDocument,
  uploadDocument,
} from '../../../api.ts';
import { currentLocale, formatNumber } from '../../../i18n.ts';
import { Button, buttonClass } from '../../../ui/button.tsx';

export const MAX_UPLOAD_MB = 10;

const sizeText = (bytes: number, locale: ReturnType<typeof currentLocale>) =>
  bytes < 1024 * 1024
    ? `${formatNumber(Math.max(1, Math.round(bytes / 1024)), locale)} KB`
    : `${formatNumber(bytes / 1024 / 1024, locale)} MB`;

type UploadFieldProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  kind: DocumentKind;
  value: UploadedDocument | null;
  onChange: (document: UploadedDocument) => void;
  /** The form's error for this document (e.g. "upload the document"). */
  error?: string;
};

/**
 * One document: chosen, uploaded at once with a progress bar, then shown as uploaded. A refused
 * file (wrong type by content, too large) is explained here and the earlier upload, if any, stays.
 */
export const UploadField = ({ id, label, hint, kind, value, onChange, error }: UploadFieldProps) => {
  const { t, i18n } = useTranslation();
  const locale = i18n.language ? currentLocale() : 'kk';
  const [progress, setProgress] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const shownError = uploadError ?? (value ? undefined : error);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hintId, shownError && errorId].filter(Boolean).join(' ');

  const upload = async (file: File) => {
    setUploadError(null);
    if (file.size > MAX_UPLOAD_MB * 1024 * 1024) {
      setUploadError(t('fields.file_too_large', { megabytes: MAX_UPLOAD_MB }));
      return;
    }
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setProgress(0);
    setAnnouncement(t('web.registry.upload.uploading', { name: file.name }));
    try {
      const document = await uploadDocument(kind, file, setProgress, controller.signal);
      onChange(document);
      setAnnouncement(t('web.registry.upload.done', { name: document.filename }));
    } catch (failure) {
      if (failure instanceof DOMException && failure.name === 'AbortError') {
        setAnnouncement(t('web.registry.upload.cancelled'));
        return;
      }
      setAnnouncement('');
      if (failure instanceof ApiError && failure.problem)
        setUploadError(failure.problem.errors?.[0]?.detail ?? failure.problem.detail);
      else if (failure instanceof NetworkError) setUploadError(t('web.errors.network'));
      else setUploadError(t('errors.internal'));
    } finally {
      if (abort.current === controller) abort.current = null;
      setProgress(null);
    }
  };

  return (
    <div className={`mb-5 ${shownError ? 'border-l-4 border-red-700 pl-3' : ''}`}>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <p id={hintId} className="mt-0.5 text-slate-700">
        {hint ?? t('web.registry.upload.hint', { megabytes: MAX_UPLOAD_MB })}
      </p>
      {shownError && (
        <p id={errorId} className="mt-1 font-semibold text-red-700">
          <span className="sr-only">{t('web.common.errorPrefix')} </span>
          {shownError}
        </p>
      )}
      {value && (
        <p className="mt-2 flex flex-wrap items-center gap-x-3 rounded-md border border-green-700 bg-green-50 px-3 py-2">
          <span aria-hidden="true" className="font-bold text-green-800">
            ✓
          </span>
          <span className="min-w-0 break-all">
            <span className="sr-only">{t('web.registry.upload.uploaded')} </span>
            {value.filename} ({sizeText(value.sizeBytes, locale)})
          </span>
          <a
            href={documentUrl(value.id)}
            target="_blank"
            rel="noopener"
            className="inline-flex min-h-11 items-center"
          >
            {t('web.registry.upload.open')}
          </a>
        </p>
      )}
      {/* The browser's own file button speaks the browser's language, not the page's: it is hidden
          (still focusable and announced) and a second label in the page's language stands for it. */}
      <div className="mt-2">
        <input
          id={id}
          type="file"
          accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
          aria-invalid={shownError ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => {
            const file = event.target.files?.[0];
            // Cleared at once, so that the same file can be chosen again after a failure.
            event.target.value = '';
            if (file) void upload(file);
          }}
          className="peer sr-only"
        />
        <label
          htmlFor={id}
          className={buttonClass(
            'secondary',
            'cursor-pointer peer-focus-visible:shadow-[0_0_0_3px_var(--color-focus)] peer-focus-visible:outline-[3px] peer-focus-visible:outline-offset-2 peer-focus-visible:outline-[#0b0c0c] peer-focus-visible:outline-solid',
          )}
        >
          {value ? t('web.registry.upload.replace') : t('web.registry.upload.choose')}
        </label>
      </div>
      {progress !== null && (
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <progress
            value={progress}
            max={1}
            aria-label={t('web.registry.upload.progress')}
            className="h-3 min-w-0 flex-1 basis-40 accent-brand-700"
          />
          <span aria-hidden="true">{formatNumber(Math.round(progress * 100), locale)}%</span>
          <Button variant="quiet" onClick={() => abort.current?.abort()}>
            {t('web.registry.upload.cancel')}
          </Button>
        </div>
      )}
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
};
