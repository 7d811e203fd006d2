import { type CallSignal, isPolite } from './call-logic.ts';

// One RTCPeerConnection per other participant (a mesh: fine for the ≤ 5 people of a mediation,
// and no media server to run or trust with confidential talk). Negotiation follows the "perfect
// negotiation" pattern, so either side may renegotiate (a camera switched on later) and an offer
// collision is settled by the polite side yielding. Signals of one peer are handled one after
// another: an ICE candidate must not overtake the description it belongs to.

export type Peer = {
  id: string;
  pc: RTCPeerConnection;
  /** What the other side sends me: audio, and video when they have a camera on. */
  stream: MediaStream;
  state: RTCPeerConnectionState;
};

type Internal = Peer & {
  polite: boolean;
  makingOffer: boolean;
  ignoreOffer: boolean;
  queue: Promise<void>;
  videoSender: RTCRtpSender | null;
};

type Options = {
  me: string;
  iceServers: RTCIceServer[];
  local: MediaStream;
  send: (to: string, data: CallSignal) => void;
  /** Whether the other side asked not to receive video (audio-only): its sender then carries none. */
  wantsVideo: (id: string) => boolean;
  onChange: () => void;
  onError: (error: unknown) => void;
};

export const createCallMesh = (o: Options) => {
  const peers = new Map<string, Internal>();
  let video: MediaStreamTrack | null = o.local.getVideoTracks()[0] ?? null;

  /** Video goes only to whoever wants it; the sender is created on first need (renegotiates). */
  const syncVideo = (peer: Internal) => {
    const track = video && o.wantsVideo(peer.id) ? video : null;
    if (peer.videoSender) void peer.videoSender.replaceTrack(track).catch(o.onError);
    else if (track) peer.videoSender = peer.pc.addTrack(track, o.local);
  };

  const open = (id: string): Internal => {
    const existing = peers.get(id);
    if (existing) return existing;
    const pc = new RTCPeerConnection({ iceServers: o.iceServers });
    const peer: Internal = {
      id,
      pc,
      stream: new MediaStream(),
      state: pc.connectionState,
      polite: isPolite(o.me, id),
      makingOffer: false,
      ignoreOffer: false,
      queue: Promise.resolve(),
      videoSender: null,
    };
    peers.set(id, peer);
    pc.onnegotiationneeded = async () => {
      try {
        peer.makingOffer = true;
        await pc.setLocalDescription();
        if (pc.localDescription)
          o.send(id, { kind: 'description', description: pc.localDescription.toJSON() });
      } catch (error) {
        o.onError(error);
      } finally {
        peer.makingOffer = false;
      }
    };
    pc.onicecandidate = ({ candidate }) => {
      // The end-of-candidates marker needs no message: the other side copes without it.
      if (candidate?.candidate) o.send(id, { kind: 'candidate', candidate: candidate.toJSON() as never });
    };
    pc.ontrack = ({ track }) => {
      peer.stream.addTrack(track);
      track.onended = () => {
        peer.stream.removeTrack(track);
        o.onChange();
      };
      o.onChange();
    };
    pc.onconnectionstatechange = () => {
      peer.state = pc.connectionState;
      // A changed network (phone from Wi-Fi to mobile) gets new candidates instead of a dead call.
      if (pc.connectionState === 'failed') pc.restartIce();
      o.onChange();
    };
    for (const track of o.local.getAudioTracks()) pc.addTrack(track, o.local);
    syncVideo(peer);
    o.onChange();
    return peer;
  };

  const negotiate = async (peer: Internal, data: CallSignal) => {
    const { pc } = peer;
    if (data.kind === 'description') {
      const { description } = data;
      const collision = description.type === 'offer' && (peer.makingOffer || pc.signalingState !== 'stable');
      peer.ignoreOffer = !peer.polite && collision;
      if (peer.ignoreOffer) return;
      await pc.setRemoteDescription(description);
      if (description.type === 'offer') {
        await pc.setLocalDescription();
        if (pc.localDescription)
          o.send(peer.id, { kind: 'description', description: pc.localDescription.toJSON() });
      }
    } else if (data.kind === 'candidate') {
      try {
        await pc.addIceCandidate(data.candidate);
      } catch (error) {
        // Candidates of an offer I ignored (I am impolite and won the collision) are expected to fail.
        if (!peer.ignoreOffer) throw error;
      }
    }
  };

  return {
    /** Opens the connection to someone in the call; adding my tracks starts the offer. */
    connect: (id: string) => void open(id),
    /** An offer, answer or candidate from someone in the call (opens the connection on an offer). */
    handle: (from: string, data: CallSignal) => {
      const peer = peers.get(from) ?? (data.kind === 'description' ? open(from) : undefined);
      if (!peer) return;
      peer.queue = peer.queue.then(() => negotiate(peer, data)).catch(o.onError);
    },
    close: (id: string) => {
      const peer = peers.get(id);
      if (!peer) return;
      peers.delete(id);
      peer.pc.close();
      o.onChange();
    },
    closeAll: () => {
      for (const peer of peers.values()) peer.pc.close();
      peers.clear();
      o.onChange();
    },
    /** My camera changed (switched to or from audio-only), or someone's wish for video did. */
    setVideo: (track: MediaStreamTrack | null) => {
      video = track;
      for (const peer of peers.values()) syncVideo(peer);
    },
    resyncVideo: (id: string) => {
      const peer = peers.get(id);
      if (peer) syncVideo(peer);
    },
    peers: (): Peer[] => [...peers.values()],
  };
};

export type CallMesh = ReturnType<typeof createCallMesh>;
