import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresenceMember } from '../../../contracts/room.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { type CallParticipant, useCall } from './use-call.ts';

// The room's audio/video call (issue 5): in the joint room everyone in it, in a caucus that party
// and the mediator (a private call). Nothing is recorded (R-MED-17) and the panel says so before
// anyone joins. Each tile says in words who is speaking, muted or still connecting.

type Props = { caseId: string; room: string; open: boolean; presence: PresenceMember[] };

/**
 * Plays a stream: remote sound in an <audio>, pictures in a muted <video> (its sound is the
 * audio's). A picture is named ("Video of …") so a screen reader user knows whose it is.
 */
const Media = ({
  stream,
  kind,
  mirror,
  label,
}: {
  stream: MediaStream;
  kind: 'audio' | 'video';
  mirror?: boolean;
  label?: string;
}) => {
  const ref = useRef<HTMLVideoElement & HTMLAudioElement>(null);
  const tracks = stream
    .getTracks()
    .map((t) => t.id)
    .join();
  useEffect(() => {
    if (ref.current && tracks) ref.current.srcObject = stream;
  }, [stream, tracks]);
  // biome-ignore lint/a11y/useMediaCaption: live speech has no caption track; the tile says in words who speaks.
  if (kind === 'audio') return <audio ref={ref} autoPlay />;
  return (
    <video
      ref={ref}
      autoPlay
      playsInline
      muted
      aria-label={label}
      // My own picture is a small preview (mirrored, as in a mirror): the others' get the width.
      className={`aspect-video rounded bg-slate-900 object-cover ${mirror ? 'w-1/2 -scale-x-100' : 'w-full'}`}
    />
  );
};

const Tile = ({ p, showVideo }: { p: CallParticipant; showVideo: boolean }) => {
  const { t } = useTranslation();
  const video = showVideo && p.state.camera && (p.stream?.getVideoTracks().length ?? 0) > 0;
  // In video mode with the camera switched off the others see no picture: say why in words, so
  // nobody wonders whether the connection broke.
  const cameraOff = !p.state.audioOnly && !p.state.camera;
  const name = p.me ? t('web.room.call.me') : p.name;
  const voice = p.state.muted
    ? t('web.room.call.muted')
    : p.speaking
      ? t('web.room.call.speaking')
      : t('web.room.call.silent');
  return (
    <li
      className={`min-w-0 rounded-md border-2 p-2 ${p.speaking && !p.state.muted ? 'border-brand-700' : 'border-slate-300'}`}
      data-connection-state={p.me ? 'self' : (p.connection ?? 'waiting')}
    >
      {video && p.stream && (
        <Media
          stream={p.stream}
          kind="video"
          mirror={p.me}
          label={p.me ? t('web.room.call.videoMine') : t('web.room.call.videoOf', { name })}
        />
      )}
      {!p.me && p.stream && <Media stream={p.stream} kind="audio" />}
      <p className="font-semibold break-words">
        {name}
        {!video && p.state.audioOnly && ` · ${t('web.room.call.audioOnlyShort')}`}
        {cameraOff && ` · ${t('web.room.call.cameraIsOff')}`}
      </p>
      <p className="text-sm text-slate-700">
        {voice}
        {!p.me && ` · ${t(`web.room.call.connection.${p.connection ?? 'waiting'}`)}`}
      </p>
    </li>
  );
};

export const CallPanel = ({ caseId, room, open, presence }: Props) => {
  const { t } = useTranslation();
  const call = useCall(caseId, room, presence);
  const titleId = useId();
  const inCall = call.phase === 'in-call';
  const sectionRef = useRef<HTMLElement>(null);
  const wasInCall = useRef(false);
  // Focus follows the action: to "Leave" once in the call, back to "Join" after leaving (the
  // button that had focus is gone from the page in both cases).
  useEffect(() => {
    if (inCall || wasInCall.current)
      sectionRef.current?.querySelector<HTMLButtonElement>('[data-call-primary]')?.focus();
    wasInCall.current = inCall;
  }, [inCall]);

  const others = call.participants.filter((p) => !p.me);
  // Room names are 'joint' or 'caucus:<partyId>' (core/room/rooms.ts).
  const caucus = room.startsWith('caucus:');
  return (
    <section
      ref={sectionRef}
      aria-labelledby={titleId}
      className="mt-3 rounded-md border border-slate-300 p-3"
    >
      <h3 id={titleId} className="text-lg font-semibold">
        {t(caucus ? 'web.room.call.titleCaucus' : 'web.room.call.title')}
      </h3>
      <p className="text-sm text-slate-700">{t('web.room.call.notRecorded')}</p>
      <p className="mt-1 text-sm text-slate-700" role="status">
        {others.length > 0
          ? t('web.room.call.inCallNow', { names: [...new Set(others.map((p) => p.name))].join(', ') })
          : t('web.room.call.nobodyInCall')}
      </p>
      {call.error && (
        <Alert tone="error" className="mt-2">
          {t(`web.room.call.error.${call.error}`)}
        </Alert>
      )}
      {!open && !inCall ? (
        <p className="mt-2 text-slate-700">{t('web.room.call.closed')}</p>
      ) : (
        <div className="mt-2 flex flex-wrap gap-2">
          {inCall ? (
            <>
              <Button variant="secondary" aria-pressed={call.muted} onClick={call.toggleMute}>
                {t('web.room.call.mute')}
              </Button>
              {!call.audioOnly && (
                <Button variant="secondary" aria-pressed={call.cameraOff} onClick={call.toggleCamera}>
                  {t('web.room.call.cameraOff')}
                </Button>
              )}
            </>
          ) : null}
          <Button
            variant="secondary"
            aria-pressed={call.audioOnly}
            aria-describedby={`${titleId}-audio`}
            onClick={() => void call.toggleAudioOnly()}
          >
            {t('web.room.call.audioOnly')}
          </Button>
          {inCall ? (
            <Button data-call-primary variant="danger" onClick={call.leave}>
              {t('web.room.call.leave')}
            </Button>
          ) : (
            <Button
              data-call-primary
              pending={call.phase === 'joining'}
              pendingLabel={t('web.room.call.joining')}
              onClick={() => void call.join()}
            >
              {t('web.room.call.join')}
            </Button>
          )}
        </div>
      )}
      <p id={`${titleId}-audio`} className="mt-1 text-sm text-slate-700">
        {call.slowLine && call.audioOnly ? t('web.room.call.slowLine') : t('web.room.call.audioOnlyHint')}
      </p>
      {inCall && (
        <ul
          aria-label={t('web.room.call.participants')}
          className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-2"
        >
          {call.participants.map((p) => (
            <Tile key={p.id} p={p} showVideo={!call.audioOnly} />
          ))}
        </ul>
      )}
    </section>
  );
};
