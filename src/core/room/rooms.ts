import type { CaseStatus } from '../cases/lifecycle.ts';

// Who may read and write which room of a case (DESIGN.md §4, R-MED-17). A case has one joint room
// (every party and the mediator) and one caucus per party (that party and the mediator only). A
// case in separate sessions after a positive safety screen (R-FAM-02) has no joint room at all.
// Rooms open when mediation starts (R-MED-07: the contract is concluded) and stay readable, not
// writable, once the case has ended.

export type RoomName = 'joint' | `caucus:${string}`;
export type Room = { kind: 'joint' } | { kind: 'caucus'; partyId: string };

/** Who is asking, as the case's policy sees them. */
export type RoomMember = { role: 'party'; partyId: string } | { role: 'mediator' } | { role: 'court' };

/** What the room rules need to know about the case. */
export type RoomCase = {
  status: CaseStatus;
  separateSessions: boolean;
  /** Parties taking part (accepted): one caucus each. */
  partyIds: readonly string[];
};

export const JOINT: RoomName = 'joint';
export const caucusRoom = (partyId: string): RoomName => `caucus:${partyId}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A room name from the wire, or null when it names no room. */
export const parseRoom = (name: string): Room | null => {
  if (name === 'joint') return { kind: 'joint' };
  const partyId = name.startsWith('caucus:') ? name.slice('caucus:'.length) : '';
  return UUID.test(partyId) ? { kind: 'caucus', partyId } : null;
};

/** Statuses in which the room is open for new messages, documents and calls. */
export const ROOM_OPEN_STATUSES: readonly CaseStatus[] = ['active'];
/** Statuses after mediation began, whose history stays readable to the participants. */
export const ROOM_HISTORY_STATUSES: readonly CaseStatus[] = [
  'active',
  'settled',
  'not_settled',
  'terminated',
  'withdrawn',
  'term_expired',
];

/** Every room this member may read, joint first. */
export const roomsOf = (c: RoomCase, member: RoomMember): RoomName[] => {
  if (member.role === 'court' || !ROOM_HISTORY_STATUSES.includes(c.status)) return [];
  const joint: RoomName[] = c.separateSessions ? [] : [JOINT];
  if (member.role === 'mediator') return [...joint, ...c.partyIds.map(caucusRoom)];
  return c.partyIds.includes(member.partyId) ? [...joint, caucusRoom(member.partyId)] : [];
};

export const mayRead = (c: RoomCase, member: RoomMember, room: RoomName) => roomsOf(c, member).includes(room);

/** Why a member may not post to a room, or null when they may. */
export const writeRefusal = (
  c: RoomCase,
  member: RoomMember,
  room: RoomName,
): 'room_not_found' | 'room_closed' | null => {
  if (!mayRead(c, member, room)) return 'room_not_found';
  return ROOM_OPEN_STATUSES.includes(c.status) ? null : 'room_closed';
};

export const MESSAGE_MAX_CHARS = 10_000;

/** Why a message body cannot be sent, or null. Blank messages say nothing. */
export const messageProblem = (body: string): 'message_empty' | 'message_too_long' | null => {
  if (body.trim().length === 0) return 'message_empty';
  return [...body].length > MESSAGE_MAX_CHARS ? 'message_too_long' : null;
};
