import { describe, expect, it } from 'vitest';
import { audioOnlyByDefault, isPolite, parseSignal, reactionTo } from './call-logic.ts';

describe('who negotiates with whom', () => {
  it('the member in the call welcomes a joiner, and the joiner (on welcome) makes the offer', () => {
    expect(reactionTo('join', true)).toBe('welcome');
    expect(reactionTo('welcome', true)).toBe('offer');
    expect(reactionTo('state', true)).toBe('note');
    expect(reactionTo('leave', true)).toBe('hang-up');
  });

  it('someone outside the call only notes who is in it and never negotiates', () => {
    for (const kind of ['join', 'welcome', 'state'] as const) expect(reactionTo(kind, false)).toBe('note');
  });

  it('exactly one side of each pair is polite, whichever side asks', () => {
    const ids = ['a1', 'b2', 'c3', '0f', 'ff'];
    for (const a of ids) for (const b of ids) if (a !== b) expect(isPolite(a, b)).toBe(!isPolite(b, a));
  });
});

describe('audio-only by default', () => {
  it('on 2G/3G, under 1 Mbit/s, or with data saver', () => {
    for (const effectiveType of ['slow-2g', '2g', '3g'])
      expect(audioOnlyByDefault({ effectiveType, downlink: 5 })).toBe(true);
    expect(audioOnlyByDefault({ effectiveType: '4g', downlink: 0.6 })).toBe(true);
    expect(audioOnlyByDefault({ effectiveType: '4g', downlink: 10, saveData: true })).toBe(true);
  });

  it('not on a good connection, nor when the browser does not say', () => {
    expect(audioOnlyByDefault({ effectiveType: '4g', downlink: 10 })).toBe(false);
    expect(audioOnlyByDefault({ effectiveType: '4g', downlink: 0 })).toBe(false);
    expect(audioOnlyByDefault(undefined)).toBe(false);
  });
});

describe('call signals from another browser', () => {
  it('keeps what is understood and refuses the rest', () => {
    expect(parseSignal({ kind: 'join', muted: true, camera: false, audioOnly: true })).toEqual({
      kind: 'join',
      muted: true,
      camera: false,
      audioOnly: true,
    });
    expect(parseSignal({ kind: 'description', description: { type: 'offer', sdp: 'v=0' } })).toEqual({
      kind: 'description',
      description: { type: 'offer', sdp: 'v=0' },
    });
    expect(
      parseSignal({ kind: 'candidate', candidate: { candidate: 'c', sdpMid: '0', sdpMLineIndex: 0 } }),
    ).toMatchObject({ kind: 'candidate' });
    for (const bad of [null, 'x', [], { kind: 'nope' }, { kind: 'description', description: { type: 'x' } }])
      expect(parseSignal(bad)).toBeNull();
    expect(parseSignal({ kind: 'candidate', candidate: { candidate: 3 } })).toBeNull();
  });
});
