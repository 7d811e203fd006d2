// The pure rules of the room's call (issue 5): what a call signal may carry, who starts the
// WebRTC negotiation between two members, and when audio-only is the sensible default. Kept free
// of browser objects so they are unit-tested (call-logic.test.ts).

/** My microphone/camera as the others should show it. */
export type CallState = { muted: boolean; camera: boolean; audioOnly: boolean };

/**
 * What travels inside a live `signal` frame's `data`. `join` says "I am in the call" to someone
 * who may not know yet; whoever is in the call answers `welcome`, and the one who receives the
 * welcome (the newer joiner) makes the offer — so each pair negotiates once, started by one side.
 */
export type CallSignal =
  | ({ kind: 'join' | 'welcome' | 'state' } & CallState)
  | { kind: 'leave' }
  | { kind: 'description'; description: { type: 'offer' | 'answer' | 'pranswer' | 'rollback'; sdp?: string } }
  | {
      kind: 'candidate';
      candidate: { candidate: string; sdpMid?: string | null; sdpMLineIndex?: number | null };
    };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The signal in a frame another browser sent, or null: the server relays whatever it was given. */
export const parseSignal = (data: unknown): CallSignal | null => {
  if (!isRecord(data)) return null;
  switch (data.kind) {
    case 'join':
    case 'welcome':
    case 'state':
      return {
        kind: data.kind,
        muted: data.muted === true,
        camera: data.camera === true,
        audioOnly: data.audioOnly !== false,
      };
    case 'leave':
      return { kind: 'leave' };
    case 'description': {
      const d = data.description;
      if (!isRecord(d) || !['offer', 'answer', 'pranswer', 'rollback'].includes(String(d.type))) return null;
      if (d.sdp !== undefined && typeof d.sdp !== 'string') return null;
      return {
        kind: 'description',
        description: { type: d.type as 'offer', sdp: d.sdp as string | undefined },
      };
    }
    case 'candidate': {
      const c = data.candidate;
      if (!isRecord(c) || typeof c.candidate !== 'string') return null;
      return {
        kind: 'candidate',
        candidate: {
          candidate: c.candidate,
          sdpMid: typeof c.sdpMid === 'string' ? c.sdpMid : null,
          sdpMLineIndex: typeof c.sdpMLineIndex === 'number' ? c.sdpMLineIndex : null,
        },
      };
    }
    default:
      return null;
  }
};

export type Reaction = 'note' | 'welcome' | 'offer' | 'hang-up';

/**
 * What I do with another member's call-state signal. Someone outside the call only notes who is
 * in it. Inside the call: a `join` is answered with `welcome` (the joiner will offer); a `welcome`
 * means I am the newer one, so I make the offer; `leave` closes that connection.
 */
export const reactionTo = (kind: 'join' | 'welcome' | 'state' | 'leave', meInCall: boolean): Reaction => {
  if (kind === 'leave') return 'hang-up';
  if (!meInCall) return 'note';
  if (kind === 'join') return 'welcome';
  if (kind === 'welcome') return 'offer';
  return 'note';
};

/**
 * Perfect negotiation needs one polite side per pair for when both offer at once (both joined
 * together, or a camera was switched on on both sides): the side with the larger connection id
 * yields. Both browsers compute the same answer from the same two ids.
 */
export const isPolite = (me: string, them: string) => me > them;

/** The subset of NetworkInformation (navigator.connection, Chromium only) the default looks at. */
export type ConnectionHint = { effectiveType?: string; downlink?: number; saveData?: boolean };

const SLOW_TYPES = new Set(['slow-2g', '2g', '3g']);
/** Below this downlink (Mbit/s) video would stall the audio the mediation needs. */
const MIN_VIDEO_DOWNLINK = 1;

/**
 * Audio-only by default on a poor or metered connection (a party on a rural mobile line): 2G/3G
 * class, under 1 Mbit/s, or data saver on. Unknown (other browsers) means video is offered.
 */
export const audioOnlyByDefault = (hint: ConnectionHint | undefined | null): boolean => {
  if (!hint) return false;
  if (hint.saveData === true) return true;
  if (hint.effectiveType && SLOW_TYPES.has(hint.effectiveType)) return true;
  return typeof hint.downlink === 'number' && hint.downlink > 0 && hint.downlink < MIN_VIDEO_DOWNLINK;
};
