import { useCallback, useEffect, useRef, useState } from 'react';
import type { MessageView, PresenceMember, ServerFrame } from '../../../contracts/room.ts';
import { type LiveStatus, liveClient } from './live-client.ts';
import { type Queued, readOutbox, writeOutbox } from './outbox.ts';

// One room as the page shows it: its messages in sequence order, what I wrote that is still on
// its way, who is here, who is typing, and how far each member has read.

const TYPING_SHOWN_MS = 4_000;
const TYPING_SENT_EVERY_MS = 2_500;

export type Reads = Record<string, { deliveredSeq: number; readSeq: number }>;

export const useRoom = (caseId: string, room: string) => {
  const client = liveClient();
  const [messages, setMessages] = useState<MessageView[]>([]);
  const [queue, setQueue] = useState<Queued[]>(() => readOutbox(caseId, room));
  const [status, setStatus] = useState<LiveStatus>(client.status());
  const [presence, setPresence] = useState<PresenceMember[]>([]);
  const [typing, setTyping] = useState<{ name: string; until: number } | null>(null);
  const [reads, setReads] = useState<Reads>({});
  const [error, setError] = useState<{ code: string; detail: string } | null>(null);
  const queueRef = useRef(queue);
  const typingSentAt = useRef(0);
  /** The last seq reported read: each position is reported once, not at every render. */
  const markedSeq = useRef(0);

  const saveQueue = useCallback(
    (next: Queued[]) => {
      queueRef.current = next;
      setQueue(next);
      writeOutbox(caseId, room, next);
    },
    [caseId, room],
  );

  const flush = useCallback(() => {
    for (const q of queueRef.current)
      if (!q.error) client.send({ type: 'send', caseId, room: room as never, key: q.key, body: q.body });
  }, [client, caseId, room]);

  useEffect(() => {
    setMessages([]);
    setReads({});
    setPresence([]);
    markedSeq.current = 0;
    queueRef.current = readOutbox(caseId, room);
    setQueue(queueRef.current);
    const here = (frame: ServerFrame) => 'caseId' in frame && frame.caseId === caseId && frame.room === room;
    const offFrame = client.onFrame((frame) => {
      if (frame.type === 'error' && frame.ref?.caseId === caseId && frame.ref.room === room) {
        setError({ code: frame.code, detail: frame.detail });
        // A message the server refused stays visible with the reason; the text is not lost.
        if (frame.ref.key)
          saveQueue(
            queueRef.current.map((q) => (q.key === frame.ref?.key ? { ...q, error: frame.detail } : q)),
          );
        return;
      }
      if (!here(frame)) return;
      if (frame.type === 'subscribed') flush();
      else if (frame.type === 'message') {
        setMessages((list) =>
          list.some((m) => m.seq === frame.message.seq) ? list : [...list, frame.message],
        );
        saveQueue(queueRef.current.filter((q) => q.key !== frame.message.key));
      } else if (frame.type === 'ack') saveQueue(queueRef.current.filter((q) => q.key !== frame.key));
      else if (frame.type === 'presence') setPresence(frame.members);
      else if (frame.type === 'typing') setTyping({ name: frame.name, until: Date.now() + TYPING_SHOWN_MS });
      else if (frame.type === 'read')
        setReads((r) => {
          const next = { ...r };
          for (const { userId, deliveredSeq, readSeq } of frame.marks)
            next[userId] = { deliveredSeq, readSeq };
          return next;
        });
    });
    const offStatus = client.onStatus(setStatus);
    client.follow(caseId, room, 0);
    return () => {
      offFrame();
      offStatus();
      client.unfollow(caseId, room);
    };
  }, [client, caseId, room, flush, saveQueue]);

  useEffect(() => {
    if (!typing) return;
    const timer = setTimeout(() => setTyping(null), typing.until - Date.now());
    return () => clearTimeout(timer);
  }, [typing]);

  const lastSeq = messages.at(-1)?.seq ?? 0;
  return {
    messages,
    queue,
    status,
    presence,
    typing: typing?.name ?? null,
    reads,
    error,
    send: (body: string) => {
      const queued: Queued = { key: crypto.randomUUID(), body, at: new Date().toISOString() };
      saveQueue([...queueRef.current, queued]);
      client.send({ type: 'send', caseId, room: room as never, key: queued.key, body });
    },
    /** Takes a refused message out of the queue (its text goes back to the composer). */
    discard: (key: string) => saveQueue(queueRef.current.filter((q) => q.key !== key)),
    typed: () => {
      if (Date.now() - typingSentAt.current < TYPING_SENT_EVERY_MS) return;
      typingSentAt.current = Date.now();
      client.send({ type: 'typing', caseId, room: room as never });
    },
    markRead: () => {
      if (lastSeq <= markedSeq.current) return;
      if (client.send({ type: 'read', caseId, room: room as never, seq: lastSeq }))
        markedSeq.current = lastSeq;
    },
    lastSeq,
  };
};
