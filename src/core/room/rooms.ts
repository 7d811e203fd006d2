import type { CaseStatus } from '../cases/lifecycle.ts';

// Who may read and write which room of a case (DESIGN.md §4, R-MED-17). A case has one joint room
// (every party and the mediator) and one caucus per party (that party and the mediator only). A
// case in separate sessions after a positive safety screen (R-FAM-02) has no joint room at all.
// Rooms open when mediation starts (R-MED-07: the contract is concluded) and stay readable, not
// writable, once the case has ended. Participants may include representatives and interpreters
// (R-MED-15): a representative sits where its party sits, an interpreter in the joint room only.

export type RoomName = 'joint' | `caucus:${string}`;
export type Room = { kind: 'joint' } | { kind: 'caucus'; partyId: string };

/**
 * Who is asking, as the case's policy sees them. A party's representative is the party here
 * (`via: 'representative'`): it reads and writes exactly the party's rooms, never another caucus.
 */
export type RoomMember =
  | { role: 'party'; partyId: string; via?: 'self' | 'representative' }
  | { role: 'mediator' }
  | { role: 'interpreter' }
  | { role: 'court' };

/**
 * Which rooms each kind of member reads (R-MED-17, R-MED-15), as data: the joint room or not, and
 * which caucuses — every one (the mediator), the member's own party's, or none. An interpreter
 * interprets what is said to everyone; what a party says to the mediator alone stays between them.
 */
export const ROOM_ACCESS: Record<RoomMember['role'], { joint: boolean; caucus: 'all' | 'own' | 'none' }> = {
  mediator: { joint: true, caucus: 'all' },
  party: { joint: true, caucus: 'own' },
  interpreter: { joint: true, caucus: 'none' },
  court: { joint: false, caucus: 'none' },
};

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
  const access = ROOM_ACCESS[member.role];
  if (!ROOM_HISTORY_STATUSES.includes(c.status)) return [];
  // A party that is not taking part (and so its representative) has no room at all.
  if (member.role === 'party' && !c.partyIds.includes(member.partyId)) return [];
  const joint: RoomName[] = access.joint && !c.separateSessions ? [JOINT] : [];
  if (access.caucus === 'all') return [...joint, ...c.partyIds.map(caucusRoom)];
  if (access.caucus === 'own' && member.role === 'party') return [...joint, caucusRoom(member.partyId)];
  return joint;
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
