import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ROOM_HISTORY_STATUSES } from '../../../core/room/rooms.ts';
import type { CaseView } from '../../cases-api.ts';
import { scheduleApi, scheduleKeys } from '../../schedule-api.ts';
import { Alert } from '../../ui/alert.tsx';
import { QueryError } from '../../ui/form.tsx';
import { Loading } from '../../ui/loading.tsx';
import { POLL_MS } from '../case/model.ts';
import { CaseSection } from '../case/section.tsx';
import { splitSessions } from './model.ts';
import { ProposeForm } from './propose-form.tsx';
import { SessionCard } from './session-card.tsx';
import { useScheduleText } from './text.ts';

type Notice = { text: string; version: number } | null;

/**
 * The case's sessions on the case page (issue 5): what is planned, in the session's zone, with the
 * caller's choices; the mediator proposes new ones here. Shown while the mediation runs and,
 * read-only, after it ended; never to a court (R-MED-17). Notifications link here (#sessions).
 */
export const SessionsPanel = ({ view }: { view: CaseView }) => {
  const { t, zone } = useScheduleText();
  const shown = view.viewer.role !== 'court' && ROOM_HISTORY_STATUSES.includes(view.status);
  const query = useQuery({
    queryKey: scheduleKeys.list(view.id),
    queryFn: () => scheduleApi.list(view.id),
    refetchInterval: POLL_MS,
    staleTime: 5_000,
    enabled: shown,
  });
  const [notice, setNotice] = useState<Notice>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const anchorRef = useRef<HTMLDivElement>(null);
  // What was done is said here and takes focus: the card acted on may have moved or gone.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  const loaded = query.data !== undefined;
  // A notification's link (/cases/…#sessions) lands on the panel once it has something to show.
  useEffect(() => {
    if (loaded && window.location.hash === '#sessions') anchorRef.current?.scrollIntoView();
  }, [loaded]);
  if (!shown) return null;
  const data = query.data;
  if (data && view.status !== 'active' && data.sessions.length === 0) return null;
  const announce = (text: string) =>
    setNotice((previous) => ({ text, version: (previous?.version ?? 0) + 1 }));
  const { upcoming, earlier } = splitSessions(data?.sessions ?? [], new Date());
  const card = (session: (typeof upcoming)[number]) => (
    <SessionCard key={session.id} view={view} session={session} onDone={announce} />
  );
  return (
    <div id="sessions" ref={anchorRef} className="scroll-mt-4">
      <CaseSection id="sessions" title={t('web.schedule.title')}>
        {!data ? (
          query.isPending ? (
            <Loading />
          ) : (
            <QueryError error={query.error} />
          )
        ) : (
          <>
            <p className="text-slate-700">
              {t('web.schedule.intro', { zone: zone(data.timeZone, data.utcOffsetMinutes) })}
            </p>
            <p className="mt-1 text-slate-700">{t('web.schedule.private')}</p>
            {notice && (
              <Alert
                ref={noticeRef}
                key={notice.version}
                tone="success"
                title={notice.text}
                className="mt-4"
              />
            )}
            {upcoming.length > 0 ? (
              <ul className="mt-4 grid gap-3">{upcoming.map(card)}</ul>
            ) : (
              <p className="mt-4">
                {t(data.canPropose ? 'web.schedule.emptyMediator' : 'web.schedule.empty')}
              </p>
            )}
            {earlier.length > 0 && (
              <details className="mt-4">
                <summary className="min-h-11 cursor-pointer py-2 font-semibold text-brand-800 underline">
                  {t('web.schedule.earlier', { count: earlier.length })}
                </summary>
                <ul className="mt-2 grid gap-3">{earlier.map(card)}</ul>
              </details>
            )}
            {data.canPropose && <ProposeForm view={view} list={data} onDone={announce} />}
          </>
        )}
      </CaseSection>
    </div>
  );
};
