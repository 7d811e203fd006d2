import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../cases-api.ts';
import { useMe } from '../../session.ts';
import { QueryError } from '../../ui/form.tsx';
import { Loading } from '../../ui/loading.tsx';
import { CaseSection } from '../case/section.tsx';
import { Conversation } from './conversation.tsx';
import { NotesPanel } from './notes-panel.tsx';
import { type RoomSummary, roomApi, roomKeys } from './room-api.ts';
import { ShuttlePanel } from './shuttle-panel.tsx';

// The mediation room on the case page: the joint room and the caucus(es), each a conversation.
// Confidential (R-MED-17): nothing is recorded, and a caucus is seen by its party and the mediator only.

const roomTitle = (room: RoomSummary, view: CaseView, t: TFunction) => {
  if (room.kind === 'joint') return t('web.room.joint');
  const party = view.parties.find((p) => p.id === room.partyId);
  return view.viewer.role === 'mediator'
    ? t('web.room.caucusWith', { name: party?.fullName ?? '' })
    : t('web.room.myCaucus');
};

export const RoomPanel = ({ view }: { view: CaseView }) => {
  const { t } = useTranslation();
  const me = useMe().data;
  const rooms = useQuery({ queryKey: roomKeys.list(view.id), queryFn: () => roomApi.list(view.id) });
  const [chosen, setChosen] = useState<string | null>(null);
  if (rooms.isPending) return <Loading />;
  if (rooms.isError) return <QueryError error={rooms.error} />;
  const list = rooms.data.rooms;
  if (list.length === 0 || !me) return null;
  const current = list.find((r) => r.room === chosen) ?? (list[0] as RoomSummary);
  return (
    <CaseSection id="room" title={t('web.room.title')}>
      <p className="text-slate-700">{t('web.room.confidential')}</p>
      {view.separateSessions && <p className="mt-2 text-slate-700">{t('web.room.separateOnly')}</p>}
      <nav aria-label={t('web.room.rooms')} className="mt-3 flex flex-wrap gap-2">
        {list.map((room) => (
          <button
            key={room.room}
            type="button"
            aria-current={room.room === current.room ? 'true' : undefined}
            onClick={() => setChosen(room.room)}
            className={`min-h-11 rounded-md border-2 px-3 py-1 font-semibold ${
              room.room === current.room
                ? 'border-brand-700 bg-brand-700 text-white'
                : 'border-brand-700 bg-white text-brand-800'
            }`}
          >
            {roomTitle(room, view, t)}
            {room.unread > 0 && room.room !== current.room && (
              <span className="ml-2 rounded-full bg-red-700 px-2 text-sm text-white">
                {room.unread}
                <span className="sr-only"> {t('web.room.unread')}</span>
              </span>
            )}
          </button>
        ))}
      </nav>
      <Conversation
        key={current.room}
        caseId={view.id}
        room={current.room}
        open={current.open}
        meId={me.id}
        shuttle={
          current.kind === 'caucus' && current.partyId ? (
            <ShuttlePanel view={view} partyId={current.partyId} open={current.open} />
          ) : null
        }
        members={rooms.data.members.filter(
          (m) => current.kind === 'joint' || m.role === 'mediator' || m.partyId === current.partyId,
        )}
      />
      {view.viewer.role === 'mediator' && <NotesPanel caseId={view.id} />}
    </CaseSection>
  );
};
