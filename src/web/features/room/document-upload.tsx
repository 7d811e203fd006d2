import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROOM_DOCUMENT_ACCEPT, ROOM_DOCUMENT_MAX_BYTES } from '../../../core/room/documents.ts';
import { ApiError, NetworkError } from '../../api.ts';
import { currentLocale, formatPercent } from '../../i18n.ts';
import { Button, buttonClass } from '../../ui/button.tsx';
import { newUuid } from '../intake/idempotency.ts';
import { documentsApi, sendRest, type UploadView } from './documents-api.ts';

type DocumentUploadProps = { caseId: string; room: string; disabled?: boolean };

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; name: string; sent: number; total: number }
  /** Cut off by the connection or the server: what arrived is kept, "Continue" goes on from there. */
  | { kind: 'interrupted'; name: string; sent: number; total: number; message: string }
  /** Refused for good (type, size, the room closed): another file may be chosen. */
  | { kind: 'refused'; message: string };

/** The file being sent, with its key and the server's upload once declared: what a resume needs. */
type Pending = { file: File; key: string; upload: UploadView | null };

const MEGABYTES = ROOM_DOCUMENT_MAX_BYTES / 1024 / 1024;

/** Failures worth resuming: the connection, or the server briefly unwell. */
const isTransient = (error: unknown) =>
  error instanceof NetworkError || (error instanceof ApiError && (error.status >= 500 || error.status === 0));

/**
 * Attaches a document to a room: chosen, sent in chunks with a progress bar, and posted to the
 * room when the last chunk arrives (it then appears in the room's messages for everyone there).
 * On a weak connection an upload that breaks off keeps what arrived: "Continue" asks the server
 * how far it got and sends the rest; coming back online does the same by itself.
 */
export const DocumentUpload = ({ caseId, room, disabled = false }: DocumentUploadProps) => {
  const { t, i18n } = useTranslation();
  const locale = i18n.language ? currentLocale() : 'kk';
  const id = useId();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [announcement, setAnnouncement] = useState('');
  const pending = useRef<Pending | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const messageOf = (error: unknown) => {
    if (error instanceof ApiError && error.problem) return error.problem.detail;
    if (isTransient(error)) return t('web.room.documents.interrupted');
    return t('errors.internal');
  };

  /** Sends what the server does not have yet: the whole file the first time, the rest after that. */
  const run = async () => {
    const current = pending.current;
    if (!current || abort.current) return;
    const controller = new AbortController();
    abort.current = controller;
    const { file } = current;
    setPhase({ kind: 'uploading', name: file.name, sent: 0, total: file.size });
    setAnnouncement(t('web.room.documents.uploading', { name: file.name }));
    const onProgress = (sent: number, total: number) =>
      setPhase({ kind: 'uploading', name: file.name, sent, total });
    try {
      current.upload = current.upload
        ? await documentsApi.status(caseId, room, current.upload.id, controller.signal)
        : await documentsApi.declare(
            caseId,
            room,
            { fileName: file.name, sizeBytes: file.size, key: current.key },
            controller.signal,
          );
      await sendRest(caseId, room, file, current.upload, onProgress, controller.signal);
      pending.current = null;
      setPhase({ kind: 'idle' });
      setAnnouncement(t('web.room.documents.done', { name: file.name }));
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') {
        // Cancelled: the server forgets an unfinished upload by itself after a day.
        pending.current = null;
        setPhase({ kind: 'idle' });
        setAnnouncement(t('web.room.documents.cancelled'));
        return;
      }
      setAnnouncement('');
      if (isTransient(error)) {
        setPhase((shown) => ({
          kind: 'interrupted',
          name: file.name,
          sent: shown.kind === 'uploading' ? shown.sent : 0,
          total: file.size,
          message: messageOf(error),
        }));
        return;
      }
      pending.current = null;
      setPhase({ kind: 'refused', message: messageOf(error) });
    } finally {
      if (abort.current === controller) abort.current = null;
    }
  };

  const start = (file: File) => {
    if (file.size === 0) return setPhase({ kind: 'refused', message: t('errors.document_empty') });
    if (file.size > ROOM_DOCUMENT_MAX_BYTES)
      return setPhase({ kind: 'refused', message: t('errors.document_too_large', { megabytes: MEGABYTES }) });
    pending.current = { file, key: newUuid(), upload: null };
    void run();
  };

  // Back online after a drop: carry on without waiting for a tap.
  const interrupted = phase.kind === 'interrupted';
  // biome-ignore lint/correctness/useExhaustiveDependencies: `run` reads refs only; re-subscribing on each render is what this avoids
  useEffect(() => {
    if (!interrupted) return;
    const resume = () => void run();
    window.addEventListener('online', resume);
    return () => window.removeEventListener('online', resume);
  }, [interrupted]);

  const busy = phase.kind === 'uploading';
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const error = phase.kind === 'interrupted' || phase.kind === 'refused' ? phase.message : null;
  const progress = phase.kind === 'uploading' || phase.kind === 'interrupted' ? phase : null;

  return (
    <div className={`my-3 ${error ? 'border-l-4 border-red-700 pl-3' : ''}`}>
      {/* The browser's own file button speaks the browser's language, not the page's: it is hidden
          (still focusable and announced) and this label, in the page's language, stands for it. */}
      <input
        id={id}
        type="file"
        accept={ROOM_DOCUMENT_ACCEPT}
        disabled={disabled || busy}
        aria-describedby={[hintId, error && errorId].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared at once, so that the same file can be chosen again after a failure.
          event.target.value = '';
          if (file) start(file);
        }}
        className="peer sr-only"
      />
      <label
        htmlFor={id}
        className={buttonClass(
          'secondary',
          `${disabled || busy ? 'cursor-not-allowed opacity-60' : 'cursor-pointer'} peer-focus-visible:shadow-[0_0_0_3px_var(--color-focus)] peer-focus-visible:outline-[3px] peer-focus-visible:outline-offset-2 peer-focus-visible:outline-[#0b0c0c] peer-focus-visible:outline-solid`,
        )}
      >
        {t('web.room.documents.attach')}
      </label>
      <p id={hintId} className="mt-1 text-sm text-slate-700">
        {disabled ? t('web.room.documents.closed') : t('web.room.documents.hint', { megabytes: MEGABYTES })}
      </p>
      {error && (
        <p id={errorId} className="mt-1 font-semibold text-red-700">
          <span className="sr-only">{t('web.common.errorPrefix')} </span>
          {error}
        </p>
      )}
      {progress && (
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <span className="min-w-0 basis-full break-all">{progress.name}</span>
          <progress
            value={progress.sent}
            max={Math.max(progress.total, 1)}
            aria-label={t('web.room.documents.progress')}
            className="h-3 min-w-0 flex-1 basis-40 accent-brand-700"
          />
          <span>{formatPercent(progress.total ? progress.sent / progress.total : 0, locale)}</span>
          {phase.kind === 'interrupted' && !disabled && (
            <Button variant="secondary" onClick={() => void run()}>
              {t('web.room.documents.resume')}
            </Button>
          )}
          <Button
            variant="quiet"
            onClick={() => {
              if (abort.current) return abort.current.abort();
              pending.current = null;
              setPhase({ kind: 'idle' });
              setAnnouncement(t('web.room.documents.cancelled'));
            }}
          >
            {t('web.room.documents.cancel')}
          </Button>
        </div>
      )}
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
};
