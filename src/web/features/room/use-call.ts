import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { PresenceMember } from '../../../contracts/room.ts';
import { request } from '../../api.ts';
import {
  audioOnlyByDefault,
  type CallSignal,
  type CallState,
  parseSignal,
  reactionTo,
} from './call-logic.ts';
import { createSpeakingMeter, openCamera, openLocalMedia, type SpeakingMeter } from './call-media.ts';
import { type CallMesh, createCallMesh } from './call-mesh.ts';
import { liveClient } from './live-client.ts';

// A room's call as the page shows it. Call state travels as `signal` frames on the room's live
// socket (no server change): whoever is in the call tells each member of the room it sees (once
// per connection) with `join`, so people outside the call know who is in it, and people in the
// call connect (call-logic.ts says who offers). A member who leaves the room's presence is hung up.

export type CallPhase = 'idle' | 'joining' | 'in-call';
export type CallError = 'denied' | 'noDevice' | 'failed';
export type CallParticipant = {
  id: string;
  name: string;
  me: boolean;
  state: CallState;
  connection: RTCPeerConnectionState | null;
  stream: MediaStream | null;
  speaking: boolean;
};

const SPEAKING_POLL_MS = 300;
const connectionHint = () =>
  typeof navigator === 'undefined' ? undefined : (navigator as { connection?: object }).connection;

const errorOf = (error: unknown): CallError => {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'noDevice';
  return 'failed';
};

export const useCall = (caseId: string, room: string, presence: PresenceMember[]) => {
  const client = liveClient();
  const [phase, setPhase] = useState<CallPhase>('idle');
  const [slowLine] = useState(() => audioOnlyByDefault(connectionHint()));
  const [audioOnly, setAudioOnly] = useState(slowLine);
  const [muted, setMuted] = useState(false);
  const [cameraOff, setCameraOff] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  /** Who said they are in the call, by connection, with their microphone/camera state. */
  const remotes = useRef(new Map<string, CallState>());
  const mesh = useRef<CallMesh | null>(null);
  const local = useRef<MediaStream | null>(null);
  const meter = useRef<SpeakingMeter | null>(null);
  const iceServers = useRef<RTCIceServer[]>([]);
  /** Connections already told I am in the call, and under which of my connection ids. */
  const greeted = useRef(new Set<string>());
  const meId = useRef<string | null>(null);
  const mine = useRef<CallState>({ muted, camera: false, audioOnly });
  const presenceRef = useRef(presence);
  presenceRef.current = presence;

  const signal = useCallback(
    (to: string, data: CallSignal) => client.send({ type: 'signal', caseId, room: room as never, to, data }),
    [client, caseId, room],
  );

  const newMesh = useCallback(
    (me: string) =>
      createCallMesh({
        me,
        iceServers: iceServers.current,
        local: local.current as MediaStream,
        send: signal,
        wantsVideo: (id) => remotes.current.get(id)?.audioOnly === false,
        onChange: redraw,
        // A failed negotiation step shows as that peer's connection state; nothing to tell here.
        onError: (e) => console.warn('call negotiation', e),
      }),
    [signal],
  );

  /** Tells the room what changed about my microphone or camera. */
  const announce = (next: CallState) => {
    mine.current = next;
    for (const id of greeted.current) signal(id, { kind: 'state', ...next });
  };

  const teardown = useCallback(() => {
    mesh.current?.closeAll();
    mesh.current = null;
    for (const track of local.current?.getTracks() ?? []) track.stop();
    local.current = null;
    meter.current?.close();
    meter.current = null;
    greeted.current.clear();
    meId.current = null;
  }, []);

  // Signals from the others in this room.
  useEffect(() => {
    const off = client.onFrame((frame) => {
      if (frame.type !== 'signal' || frame.caseId !== caseId || frame.room !== room) return;
      const data = parseSignal(frame.data);
      if (!data) return;
      const { from } = frame;
      if (data.kind === 'description' || data.kind === 'candidate') return mesh.current?.handle(from, data);
      if (data.kind === 'leave') remotes.current.delete(from);
      else remotes.current.set(from, { muted: data.muted, camera: data.camera, audioOnly: data.audioOnly });
      switch (reactionTo(data.kind, mesh.current !== null)) {
        case 'welcome':
          greeted.current.add(from);
          signal(from, { kind: 'welcome', ...mine.current });
          break;
        case 'offer':
          mesh.current?.connect(from);
          break;
        case 'hang-up':
          mesh.current?.close(from);
          meter.current?.forget(from);
          break;
        case 'note':
          // They may have switched to or from audio-only: send them video or stop it.
          mesh.current?.resyncVideo(from);
      }
      redraw();
    });
    return () => {
      off();
    };
  }, [client, caseId, room, signal]);

  // Presence changed: forget who left the room; in the call, greet who arrived.
  useEffect(() => {
    const here = new Set(presence.map((p) => p.connectionId));
    for (const id of [...remotes.current.keys()])
      if (!here.has(id)) {
        remotes.current.delete(id);
        mesh.current?.close(id);
        meter.current?.forget(id);
      }
    const me = client.connectionId();
    // Signals may be sent only once the server lists my socket in the room (it checks that).
    if (phase !== 'in-call' || !me || !here.has(me)) return redraw();
    if (meId.current !== me) {
      // My socket reconnected under a new id: the others dropped my old one, so start afresh.
      mesh.current?.closeAll();
      mesh.current = newMesh(me);
      meId.current = me;
      greeted.current.clear();
    }
    for (const p of presence)
      if (p.connectionId !== me && !greeted.current.has(p.connectionId)) {
        greeted.current.add(p.connectionId);
        signal(p.connectionId, { kind: 'join', ...mine.current });
      }
    redraw();
  }, [presence, phase, client, newMesh, signal]);

  // The speaking indicators: measured a few times a second while in the call.
  useEffect(() => {
    if (phase !== 'in-call') return;
    let last = '';
    const timer = setInterval(() => {
      const m = meter.current;
      if (!m) return;
      for (const peer of mesh.current?.peers() ?? []) m.watch(peer.id, peer.stream);
      const now = ['me', ...remotes.current.keys()].map((id) => (m.speaking(id) ? 1 : 0)).join('');
      if (now !== last) redraw();
      last = now;
    }, SPEAKING_POLL_MS);
    return () => clearInterval(timer);
  }, [phase]);

  // Leaving the room (or the page) leaves its call.
  useEffect(
    () => () => {
      for (const id of greeted.current) signal(id, { kind: 'leave' });
      teardown();
    },
    [signal, teardown],
  );

  const join = async () => {
    setPhase('joining');
    setError(null);
    try {
      const config = await request<{ iceServers: RTCIceServer[] }>('GET', '/api/rtc-config');
      iceServers.current = config.iceServers;
      let wantVideo = !audioOnly;
      const stream = await openLocalMedia(wantVideo).catch(async (e) => {
        if (!wantVideo) throw e;
        // No camera, or the camera refused: the call still goes ahead with sound only.
        wantVideo = false;
        setAudioOnly(true);
        return openLocalMedia(false);
      });
      for (const track of stream.getAudioTracks()) track.enabled = !muted;
      for (const track of stream.getVideoTracks()) track.enabled = !cameraOff;
      local.current = stream;
      meter.current = createSpeakingMeter();
      meter.current.watch('me', stream);
      mine.current = { muted, camera: wantVideo && !cameraOff, audioOnly: !wantVideo };
      setPhase('in-call');
    } catch (e) {
      teardown();
      setError(errorOf(e));
      setPhase('idle');
    }
  };

  const leave = () => {
    for (const id of greeted.current) signal(id, { kind: 'leave' });
    teardown();
    setPhase('idle');
  };

  const toggleMute = () => {
    const next = !muted;
    setMuted(next);
    for (const track of local.current?.getAudioTracks() ?? []) track.enabled = !next;
    announce({ ...mine.current, muted: next });
  };

  const toggleCamera = () => {
    const next = !cameraOff;
    setCameraOff(next);
    for (const track of local.current?.getVideoTracks() ?? []) track.enabled = !next;
    announce({ ...mine.current, camera: !audioOnly && !next });
  };

  const toggleAudioOnly = async () => {
    const next = !audioOnly;
    const stream = local.current;
    if (!stream) return setAudioOnly(next);
    if (next) {
      // Audio only: the camera is released (its light goes off) and nothing is sent or received.
      for (const track of stream.getVideoTracks()) {
        track.stop();
        stream.removeTrack(track);
      }
      mesh.current?.setVideo(null);
    } else {
      try {
        const track = await openCamera();
        if (!track || local.current !== stream) return track?.stop();
        track.enabled = !cameraOff;
        stream.addTrack(track);
        mesh.current?.setVideo(track);
      } catch (e) {
        return setError(errorOf(e));
      }
    }
    setAudioOnly(next);
    announce({ ...mine.current, audioOnly: next, camera: !next && !cameraOff });
  };

  const names = new Map(presence.map((p) => [p.connectionId, p.name]));
  const peers = new Map((mesh.current?.peers() ?? []).map((p) => [p.id, p]));
  const others: CallParticipant[] = [...remotes.current].map(([id, state]) => ({
    id,
    name: names.get(id) ?? '',
    me: false,
    state,
    connection: peers.get(id)?.state ?? null,
    stream: peers.get(id)?.stream ?? null,
    speaking: meter.current?.speaking(id) ?? false,
  }));
  const me: CallParticipant | null =
    phase === 'in-call'
      ? {
          id: 'me',
          name: '',
          me: true,
          state: mine.current,
          connection: null,
          stream: local.current,
          speaking: meter.current?.speaking('me') ?? false,
        }
      : null;

  return {
    phase,
    error,
    audioOnly,
    slowLine,
    muted,
    cameraOff,
    participants: me ? [me, ...others] : others,
    join,
    leave,
    toggleMute,
    toggleCamera,
    toggleAudioOnly,
  };
};
