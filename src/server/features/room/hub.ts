import { randomUUID } from 'node:crypto';
import type { MessageView, PresenceMember, ReadMarkView, ServerFrame } from '../../../contracts/room.ts';
import type { Locale } from '../../../core/identity/roles.ts';
import type { RoomName } from '../../../core/room/rooms.ts';
import type { AppContext } from '../../context.ts';
import type { Principal } from '../../platform/auth/sessions.ts';
import { Problem, problemBody } from '../../platform/errors.ts';
import type { RoomAccess } from './access.ts';
import { publishRoomEvent, type RoomEvent, roomTopic } from './events.ts';
import { advanceReadsMany, type ReadMark } from './messages.ts';
import { ANNOUNCE_MS, createPresence } from './presence.ts';
import { lastSeqOf, readableRoom, roomHistory } from './queries.ts';

// One node's live rooms: the sockets, what each follows, and the bus subscriptions per case.
// Every subscription pushes its room's messages in sequence order, each exactly once: a message
// that arrives ahead of one still missing (another node published it first) makes the hub read
// the gap from the database, where it is already stored (commit order is seq order, messages.ts).

const PAGE = 500;
const DELIVERED_FLUSH_MS = 1_000;
/**
 * Periodic work (delivery marks each second, presence every 20 s) is done a slice of the cases at a
 * time, spread over the period: with thousands of sockets, one burst would hold the event loop
 * (and every message behind it) for tens of milliseconds.
 */
const SLICES = 10;
const sliceOf = (caseId: string) => Number.parseInt(caseId.slice(0, 8), 16) % SLICES;

export type LiveConnection = {
  id: string;
  /** As of the socket's last frame (live.ts re-reads the session each time). */
  principal: Principal;
  locale: Locale;
  /** Reads the session again; null once it has ended. */
  refresh: () => Promise<Principal | null>;
  /** A frame, or one already serialised (the same message to every follower is serialised once). */
  send: (frame: ServerFrame | string) => void;
  subscriptions: Map<string, Subscription>;
};

type Subscription = {
  caseId: string;
  room: RoomName;
  role: PresenceMember['role'];
  lastSent: number;
  /** Catching up from the database: live messages wait here meanwhile. */
  catchingUp: boolean;
  waiting: MessageView[];
  /** Highest seq pushed to this socket and not yet recorded as delivered. */
  undelivered: number;
};

const subKey = (caseId: string, room: string) => `${caseId}|${room}`;

export const createRoomHub = (ctx: AppContext) => {
  const node = randomUUID();
  const connections = new Map<string, LiveConnection>();
  const cases = new Map<string, { followers: Set<string>; unsubscribe: Promise<() => Promise<void>> }>();
  const presence = createPresence(() => Date.now());

  const followersOf = (caseId: string, room: string) =>
    [...(cases.get(caseId)?.followers ?? [])]
      .map((id) => connections.get(id))
      .filter((c): c is LiveConnection => c?.subscriptions.has(subKey(caseId, room)) === true);

  const localMembers = (caseId: string, room: string): PresenceMember[] =>
    followersOf(caseId, room).map((c) => ({
      connectionId: c.id,
      userId: c.principal.userId,
      name: c.principal.fullName,
      role: c.subscriptions.get(subKey(caseId, room))?.role ?? 'party',
    }));

  /** The rooms of a case that sockets on this node follow. */
  const roomsFollowed = (caseId: string) => {
    const rooms = new Set<string>();
    for (const id of cases.get(caseId)?.followers ?? [])
      for (const sub of connections.get(id)?.subscriptions.values() ?? [])
        if (sub.caseId === caseId) rooms.add(sub.room);
    return rooms;
  };

  const announce = (caseId: string, room: string) =>
    publishRoomEvent(ctx, { type: 'presence', caseId, room, node, members: localMembers(caseId, room) });

  // Every follower of a room gets the same text for a message: serialised once, on first push.
  const serialised = new WeakMap<MessageView, string>();
  const push = (c: LiveConnection, sub: Subscription, message: MessageView) => {
    let text = serialised.get(message);
    if (text === undefined) {
      text = JSON.stringify({ type: 'message', caseId: sub.caseId, room: sub.room, message });
      serialised.set(message, text);
    }
    c.send(text);
    sub.lastSent = message.seq;
    if (message.author.userId !== c.principal.userId) sub.undelivered = message.seq;
  };

  /**
   * Reads what this subscription has not had yet from the database, then what waited meanwhile.
   * `admitted`: the access just checked by subscribe; a later gap checks it again.
   */
  const catchUp = async (c: LiveConnection, sub: Subscription, admitted?: RoomAccess) => {
    sub.catchingUp = true;
    try {
      const access = admitted ?? (await readableRoom(ctx.db, sub.caseId, c.principal, sub.room));
      for (;;) {
        const page = await roomHistory(ctx, access, sub.room, { since: sub.lastSent, limit: PAGE });
        for (const message of page.messages) push(c, sub, message);
        if (page.messages.length < PAGE) break;
      }
    } finally {
      sub.catchingUp = false;
    }
    const waiting = sub.waiting.sort((a, b) => a.seq - b.seq);
    sub.waiting = [];
    for (const message of waiting) deliver(c, sub, message);
  };

  const deliver = (c: LiveConnection, sub: Subscription, message: MessageView) => {
    if (sub.catchingUp) sub.waiting.push(message);
    else if (message.seq === sub.lastSent + 1) push(c, sub, message);
    else if (message.seq > sub.lastSent + 1) {
      sub.waiting.push(message);
      catchUp(c, sub).catch((error) => ctx.log.error({ err: error }, 'room catch-up failed'));
    }
    // seq ≤ lastSent: already pushed (a retry or a catch-up got it first).
  };

  const onEvent = (raw: unknown) => {
    const event = raw as RoomEvent;
    if (event.type === 'members') {
      recheck(event.caseId).catch((error) => ctx.log.error({ err: error }, 'room re-check failed'));
      return;
    }
    if (event.type === 'presence_query') {
      if (event.node !== node)
        for (const room of roomsFollowed(event.caseId)) void announce(event.caseId, room);
      return;
    }
    const { caseId, room } = event;
    const followers = followersOf(caseId, room);
    switch (event.type) {
      case 'message':
        for (const c of followers) {
          const sub = c.subscriptions.get(subKey(caseId, room));
          if (sub) deliver(c, sub, event.message);
        }
        return;
      case 'read': {
        // The same frame for every follower: serialised once.
        const text = JSON.stringify({ type: 'read', caseId, room, marks: event.marks } satisfies ServerFrame);
        for (const c of followers) c.send(text);
        return;
      }
      case 'typing':
        for (const c of followers)
          if (c.id !== event.connectionId)
            c.send({ type: 'typing', caseId, room, userId: event.userId, name: event.name });
        return;
      case 'presence': {
        presence.heard(event.node, caseId, room, event.members);
        const members = presence.members(caseId, room);
        const text = JSON.stringify({ type: 'presence', caseId, room, members } satisfies ServerFrame);
        for (const c of followers) c.send(text);
        return;
      }
      case 'signal': {
        const { from, fromUserId, data } = event;
        followers
          .find((c) => c.id === event.to)
          ?.send({ type: 'signal', caseId, room, from, fromUserId, data });
        return;
      }
    }
  };

  const follow = async (caseId: string, connectionId: string) => {
    let entry = cases.get(caseId);
    if (!entry) {
      entry = { followers: new Set(), unsubscribe: ctx.bus.subscribe(roomTopic(caseId), onEvent) };
      cases.set(caseId, entry);
      await entry.unsubscribe;
      // Other nodes say who is already in this case's rooms.
      await publishRoomEvent(ctx, { type: 'presence_query', caseId, node });
    }
    entry.followers.add(connectionId);
    await entry.unsubscribe;
  };

  const unfollow = async (caseId: string, connectionId: string) => {
    const entry = cases.get(caseId);
    if (!entry) return;
    const stillFollows = [...(connections.get(connectionId)?.subscriptions.values() ?? [])].some(
      (s) => s.caseId === caseId,
    );
    if (!stillFollows) entry.followers.delete(connectionId);
    if (entry.followers.size === 0) {
      cases.delete(caseId);
      await (await entry.unsubscribe)();
    }
  };

  /**
   * The case's members changed (a representative or an interpreter added or removed): every socket
   * following the case is checked again, and one that may no longer read a room stops hearing it
   * at once (R-MED-17), with an error frame saying so.
   */
  const recheck = async (caseId: string) => {
    for (const id of [...(cases.get(caseId)?.followers ?? [])]) {
      const c = connections.get(id);
      if (!c) continue;
      const principal = await c.refresh();
      for (const sub of [...c.subscriptions.values()].filter((s) => s.caseId === caseId)) {
        const allowed = principal
          ? await readableRoom(ctx.db, caseId, principal, sub.room).then(
              () => true,
              () => false,
            )
          : false;
        if (allowed) continue;
        c.subscriptions.delete(subKey(caseId, sub.room));
        const { code, detail } = problemBody(new Problem(404, 'room_not_found'), c.locale);
        c.send({ type: 'error', code, detail, ref: { caseId, room: sub.room } });
        await announce(caseId, sub.room);
      }
      await unfollow(caseId, c.id);
    }
  };

  /**
   * Records delivery of what was pushed (the cases of one slice, or all), in one statement, and
   * tells each room once with every member's new mark.
   */
  const flushDelivered = async (slice: number | null) => {
    const marks: ReadMark[] = [];
    for (const c of connections.values())
      for (const sub of c.subscriptions.values()) {
        if (sub.undelivered === 0 || (slice !== null && sliceOf(sub.caseId) !== slice)) continue;
        marks.push({
          caseId: sub.caseId,
          room: sub.room,
          userId: c.principal.userId,
          deliveredSeq: sub.undelivered,
          readSeq: 0,
        });
        sub.undelivered = 0;
      }
    if (marks.length === 0) return;
    // One event per room with every member's new mark: a busy room costs a frame per follower a second.
    const byRoom = new Map<string, { caseId: string; room: string; marks: ReadMarkView[] }>();
    for (const { caseId, room, userId, deliveredSeq, readSeq } of await advanceReadsMany(ctx.db, marks)) {
      const entry = byRoom.get(subKey(caseId, room)) ?? { caseId, room, marks: [] };
      entry.marks.push({ userId, deliveredSeq, readSeq });
      byRoom.set(subKey(caseId, room), entry);
    }
    await Promise.all([...byRoom.values()].map((entry) => publishRoomEvent(ctx, { type: 'read', ...entry })));
  };
  let flushSlice = 0;
  const flushTimer = setInterval(() => {
    flushSlice = (flushSlice + 1) % SLICES;
    flushDelivered(flushSlice).catch((error) => ctx.log.error({ err: error }, 'delivery marks failed'));
  }, DELIVERED_FLUSH_MS / SLICES);
  let announceSlice = 0;
  const announceTimer = setInterval(() => {
    announceSlice = (announceSlice + 1) % SLICES;
    for (const caseId of cases.keys())
      if (sliceOf(caseId) === announceSlice)
        for (const room of roomsFollowed(caseId)) void announce(caseId, room);
  }, ANNOUNCE_MS / SLICES);

  return {
    node,
    connect: (
      who: Pick<LiveConnection, 'principal' | 'locale' | 'refresh'>,
      send: (frame: ServerFrame | string) => void,
    ): LiveConnection => {
      const c: LiveConnection = { id: randomUUID(), ...who, send, subscriptions: new Map() };
      connections.set(c.id, c);
      send({ type: 'hello', connectionId: c.id });
      return c;
    },

    /** Authorised here once (R-MED-17): after that the socket hears the room until it leaves. */
    subscribe: async (c: LiveConnection, caseId: string, room: RoomName, since: number) => {
      const access = await readableRoom(ctx.db, caseId, c.principal, room);
      const key = subKey(caseId, room);
      if (c.subscriptions.has(key)) {
        c.send({ type: 'subscribed', caseId, room, lastSeq: await lastSeqOf(ctx.db, caseId, room) });
        return;
      }
      const role = access.member.role === 'court' ? 'party' : access.member.role;
      const sub: Subscription = {
        caseId,
        room,
        role,
        lastSent: since,
        catchingUp: true,
        waiting: [],
        undelivered: 0,
      };
      c.subscriptions.set(key, sub);
      await follow(caseId, c.id);
      c.send({ type: 'subscribed', caseId, room, lastSeq: await lastSeqOf(ctx.db, caseId, room) });
      await catchUp(c, sub, access);
      await announce(caseId, room);
    },

    isSubscribed: (c: LiveConnection, caseId: string, room: string) =>
      c.subscriptions.has(subKey(caseId, room)),

    unsubscribe: async (c: LiveConnection, caseId: string, room: string) => {
      if (!c.subscriptions.delete(subKey(caseId, room))) return;
      await announce(caseId, room);
      await unfollow(caseId, c.id);
    },

    disconnect: async (c: LiveConnection) => {
      const subs = [...c.subscriptions.values()];
      c.subscriptions.clear();
      for (const sub of subs) await announce(sub.caseId, sub.room);
      connections.delete(c.id);
      for (const caseId of new Set(subs.map((s) => s.caseId))) await unfollow(caseId, c.id);
    },

    close: async () => {
      clearInterval(flushTimer);
      clearInterval(announceTimer);
      await flushDelivered(null).catch(() => undefined);
      for (const entry of cases.values()) await (await entry.unsubscribe)();
      cases.clear();
      connections.clear();
    },
  };
};

export type RoomHub = ReturnType<typeof createRoomHub>;
