import type { ClientFrame, ServerFrame } from '../../../contracts/room.ts';

// The tab's one live socket (/api/live) for every room it shows. It reconnects by itself — at
// once when the browser says it is online again, otherwise after a growing pause — and then
// subscribes again to each room from the last message it has, so nothing is lost or repeated.

export type LiveStatus = 'connecting' | 'online' | 'offline';
type Follow = { caseId: string; room: string; since: number };
type FrameListener = (frame: ServerFrame) => void;

const MAX_PAUSE_MS = 15_000;
const IDLE_CLOSE_MS = 10_000;
const followKey = (caseId: string, room: string) => `${caseId}|${room}`;

const socketUrl = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/live`;

export const createLiveClient = (url: () => string = socketUrl) => {
  let socket: WebSocket | null = null;
  let status: LiveStatus = 'offline';
  let pause = 1_000;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** This socket's id from the server's hello: call signals name their sender and recipient by it. */
  let connectionId: string | null = null;
  const follows = new Map<string, Follow>();
  const frameListeners = new Set<FrameListener>();
  const statusListeners = new Set<(status: LiveStatus) => void>();

  const setStatus = (next: LiveStatus) => {
    status = next;
    for (const listener of statusListeners) listener(next);
  };
  const write = (frame: ClientFrame) => {
    if (socket?.readyState !== WebSocket.OPEN) return false;
    socket.send(JSON.stringify(frame));
    return true;
  };
  const subscribe = (f: Follow) =>
    write({ type: 'subscribe', caseId: f.caseId, room: f.room as never, since: f.since });

  const connect = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (socket || follows.size === 0) return;
    setStatus('connecting');
    const current = new WebSocket(url());
    socket = current;
    current.onopen = () => {
      pause = 1_000;
      setStatus('online');
      for (const f of follows.values()) subscribe(f);
    };
    current.onmessage = (event) => {
      const frame = JSON.parse(String(event.data)) as ServerFrame;
      if (frame.type === 'hello') connectionId = frame.connectionId;
      if (frame.type === 'message') {
        const f = follows.get(followKey(frame.caseId, frame.room));
        // The server sends each room in order, so the last seq is where to resume.
        if (f && frame.message.seq > f.since) f.since = frame.message.seq;
      }
      for (const listener of frameListeners) listener(frame);
    };
    current.onclose = () => {
      if (socket !== current) return;
      socket = null;
      setStatus('offline');
      if (follows.size === 0) return;
      timer = setTimeout(connect, pause + Math.random() * 500);
      pause = Math.min(pause * 2, MAX_PAUSE_MS);
    };
  };

  if (typeof window !== 'undefined') window.addEventListener('online', connect);

  return {
    status: () => status,
    connectionId: () => connectionId,
    /** Follows a room from `since`; the room's messages arrive as frames. */
    follow: (caseId: string, room: string, since: number) => {
      const key = followKey(caseId, room);
      const existing = follows.get(key);
      if (existing) return;
      const f = { caseId, room, since };
      follows.set(key, f);
      if (socket) subscribe(f);
      else connect();
    },
    unfollow: (caseId: string, room: string) => {
      follows.delete(followKey(caseId, room));
      write({ type: 'unsubscribe', caseId, room: room as never });
      // Switching rooms unfollows one and follows the next: the socket stays for a while.
      if (follows.size === 0)
        setTimeout(() => {
          if (follows.size === 0) socket?.close();
        }, IDLE_CLOSE_MS);
    },
    /** Sends now if the socket is open; false when offline (the caller keeps it queued). */
    send: write,
    onFrame: (listener: FrameListener) => {
      frameListeners.add(listener);
      return () => frameListeners.delete(listener);
    },
    onStatus: (listener: (status: LiveStatus) => void) => {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
  };
};

export type LiveClient = ReturnType<typeof createLiveClient>;

let shared: LiveClient | null = null;
/** The tab's socket, opened on first use. */
export const liveClient = () => {
  shared ??= createLiveClient();
  return shared;
};
