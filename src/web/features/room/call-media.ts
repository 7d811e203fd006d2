// The browser's microphone and camera for a call, and a small level meter that says who is
// speaking (shown in audio-only mode, where there is no picture to tell).

/** Modest video: a mesh sends one copy per participant, and a phone's uplink is the bottleneck. */
const VIDEO: MediaTrackConstraints = {
  width: { ideal: 640 },
  height: { ideal: 360 },
  frameRate: { ideal: 15 },
};
const AUDIO: MediaTrackConstraints = {
  echoCancellation: true,
  noiseSuppression: true,
  autoGainControl: true,
};

/** Asks for the microphone, and the camera only when video is wanted: audio-only never asks for it. */
export const openLocalMedia = (video: boolean) =>
  navigator.mediaDevices.getUserMedia({ audio: AUDIO, video: video ? VIDEO : false });

export const openCamera = async () => {
  const stream = await navigator.mediaDevices.getUserMedia({ video: VIDEO });
  return stream.getVideoTracks()[0] ?? null;
};

const SPEAKING_LEVEL = 0.02;

/** Polls the loudness of streams; `speaking(id)` is true while that stream's audio is above a whisper. */
export const createSpeakingMeter = () => {
  const AudioCtx =
    window.AudioContext ??
    (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  const context = AudioCtx ? new AudioCtx() : null;
  const meters = new Map<
    string,
    { analyser: AnalyserNode; source: MediaStreamAudioSourceNode; track: MediaStreamTrack }
  >();
  const buffer = new Float32Array(512);

  return {
    /** Measures this stream's first audio track under `id` (again when the track changed). */
    watch: (id: string, stream: MediaStream) => {
      const track = stream.getAudioTracks()[0];
      if (!context || !track || meters.get(id)?.track === track) return;
      meters.get(id)?.source.disconnect();
      const source = context.createMediaStreamSource(new MediaStream([track]));
      const analyser = context.createAnalyser();
      analyser.fftSize = 512;
      source.connect(analyser);
      meters.set(id, { analyser, source, track });
    },
    forget: (id: string) => {
      meters.get(id)?.source.disconnect();
      meters.delete(id);
    },
    speaking: (id: string) => {
      const meter = meters.get(id);
      if (!meter?.track.enabled) return false;
      meter.analyser.getFloatTimeDomainData(buffer);
      let sum = 0;
      for (const sample of buffer) sum += sample * sample;
      return Math.sqrt(sum / buffer.length) > SPEAKING_LEVEL;
    },
    close: () => {
      for (const meter of meters.values()) meter.source.disconnect();
      meters.clear();
      void context?.close();
    },
  };
};

export type SpeakingMeter = ReturnType<typeof createSpeakingMeter>;
