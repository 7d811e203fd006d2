import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MESSAGE_MAX_CHARS, messageProblem } from '../../../core/room/rooms.ts';
import { currentLocale, formatDateTime } from '../../i18n.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { TextArea } from '../../ui/field.tsx';
import { AuthorName } from '../members/author-name.tsx';
import { CallPanel } from './call-panel.tsx';
import { DocumentLink } from './document-link.tsx';
import { DocumentUpload } from './document-upload.tsx';
import type { RoomMemberView } from './room-api.ts';
import { type Reads, useRoom } from './use-room.ts';

type Props = {
  caseId: string;
  room: string;
  open: boolean;
  meId: string;
  members: RoomMemberView[];
  /** Shuttle statements of a caucus, shown under its conversation. */
  shuttle?: ReactNode;
};

/** Sent, delivered to everyone else, or read by everyone else: the ticks of my own message. */
const tickOf = (seq: number, reads: Reads, others: string[]) => {
  if (others.length > 0 && others.every((id) => (reads[id]?.readSeq ?? 0) >= seq)) return 'read';
  if (others.length > 0 && others.every((id) => (reads[id]?.deliveredSeq ?? 0) >= seq)) return 'delivered';
  return 'sent';
};

/** One room: the conversation, who is here, and the composer; usable on a phone with a weak signal. */
export const Conversation = ({ caseId, room, open, meId, members, shuttle }: Props) => {
  const { t } = useTranslation();
  const r = useRoom(caseId, room);
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const listEnd = useRef<HTMLLIElement>(null);
  const composerId = useId();
  const others = members.filter((m) => m.userId !== meId).map((m) => m.userId);
  const locale = currentLocale();

  // Seen when shown: the page is visible and the newest message is on screen.
  useEffect(() => {
    if (r.lastSeq > 0 && document.visibilityState === 'visible') r.markRead();
    listEnd.current?.scrollIntoView({ block: 'nearest' });
  }, [r.lastSeq, r.markRead]);

  const submit = () => {
    const code = messageProblem(draft);
    if (code) return setProblem(t(`fields.${code}`));
    setProblem(null);
    r.send(draft);
    setDraft('');
  };
  const here = r.presence.filter((p) => p.userId !== meId).map((p) => p.name);

  return (
    <div className="mt-3">
      <p className="text-sm text-slate-700" role="status">
        {t(`web.room.status.${r.status}`)}
        {r.queue.length > 0 && ` · ${t('web.room.queued', { count: r.queue.length })}`}
      </p>
      <p className="text-sm text-slate-700">
        {here.length
          ? t('web.room.here', { names: [...new Set(here)].join(', ') })
          : t('web.room.nobodyHere')}
      </p>
      <CallPanel caseId={caseId} room={room} open={open} presence={r.presence} />
      <ol
        className="mt-3 max-h-[60vh] space-y-2 overflow-y-auto rounded-md border border-slate-300 bg-slate-50 p-2"
        aria-label={t('web.room.messages')}
        aria-live="polite"
        aria-relevant="additions"
      >
        {r.messages.length === 0 && r.queue.length === 0 && (
          <li className="p-2 text-slate-700">{t('web.room.empty')}</li>
        )}
        {r.messages.map((m) => {
          const mine = m.author.userId === meId;
          return (
            <li
              key={m.seq}
              className={`max-w-[85%] rounded-lg p-2 ${mine ? 'ml-auto bg-brand-50' : 'bg-white'} border border-slate-200`}
            >
              <p className="text-sm font-semibold">
                {mine ? t('web.room.me') : <AuthorName author={m.author} />}
                {m.author.role === 'mediator' && !mine && ` (${t('web.room.mediator')})`}
              </p>
              {m.kind === 'document' && m.documentId ? (
                <DocumentLink caseId={caseId} documentId={m.documentId} name={m.body} />
              ) : (
                <p className="whitespace-pre-wrap break-words">{m.body}</p>
              )}
              <p className="text-xs text-slate-700">
                <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, locale)}</time>
                {mine && ` · ${t(`web.room.tick.${tickOf(m.seq, r.reads, others)}`)}`}
              </p>
            </li>
          );
        })}
        {r.queue.map((q) => (
          <li
            key={q.key}
            className="ml-auto max-w-[85%] rounded-lg border border-dashed border-slate-400 bg-white p-2"
          >
            <p className="whitespace-pre-wrap break-words">{q.body}</p>
            <p className="text-xs text-slate-700">{q.error ?? t('web.room.tick.queued')}</p>
            {q.error && (
              <Button
                variant="quiet"
                onClick={() => {
                  setDraft((d) => d || q.body);
                  r.discard(q.key);
                }}
              >
                {t('web.room.editAgain')}
              </Button>
            )}
          </li>
        ))}
        <li ref={listEnd} aria-hidden="true" />
      </ol>
      <p className="min-h-6 text-sm text-slate-700" aria-live="polite">
        {r.typing ? t('web.room.typing', { name: r.typing }) : ''}
      </p>
      {r.error && !r.queue.some((q) => q.error) && (
        <Alert tone="error" className="mt-2">
          {r.error.detail}
        </Alert>
      )}
      {open ? (
        <form
          className="mt-2"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <TextArea
            id={composerId}
            label={t('web.room.compose')}
            hint={t('web.room.composeHint', { count: [...draft].length, max: MESSAGE_MAX_CHARS })}
            error={problem ?? undefined}
            value={draft}
            rows={2}
            onChange={(value) => {
              setDraft(value);
              r.typed();
            }}
          />
          <Button type="submit" className="mt-2">
            {t('web.room.send')}
          </Button>
        </form>
      ) : (
        <p className="mt-2 text-slate-700">{t('web.room.closed')}</p>
      )}
      {open && <DocumentUpload caseId={caseId} room={room} />}
      {shuttle}
    </div>
  );
};
