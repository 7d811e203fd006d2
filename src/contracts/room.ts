import { z } from 'zod';
import { MESSAGE_MAX_CHARS, parseRoom, type RoomName } from '../core/room/rooms.ts';

// The mediation room's contract (issue 5): HTTP history and sending, and the frames of the live
// WebSocket (/api/live). Both directions are validated: a malformed frame gets an error frame and
// the socket stays up.

export const roomName = z
  .string()
  .refine((value) => parseRoom(value) !== null, 'room_not_found')
  .transform((value) => value as RoomName);

/** The client's key for one message: a retry after a lost connection sends the same key. */
export const idempotencyKey = z.string().trim().min(8, 'invalid_format').max(100, 'invalid_format');

export const messageBody = z
  .string('required')
  .refine((value) => value.trim().length > 0, 'message_empty')
  .refine((value) => [...value].length <= MESSAGE_MAX_CHARS, 'message_too_long');

export const sendMessage = z.object({ body: messageBody, key: idempotencyKey });

export const messageView = z.object({
  id: z.string(),
  room: z.string(),
  seq: z.number().int(),
  kind: z.enum(['text', 'document', 'shuttle']),
  body: z.string(),
  author: z.object({
    /** A representative writes as its party ('party', with its own userId); an interpreter as itself. */
    role: z.enum(['party', 'mediator', 'interpreter']),
    partyId: z.string().nullable(),
    userId: z.string().nullable(),
    name: z.string(),
    /** The party a representative speaks for, as the case names it (R-MED-15); null otherwise. */
    onBehalfOf: z.string().nullable(),
  }),
  documentId: z.string().nullable(),
  key: z.string(),
  createdAt: z.string(),
});
export type MessageView = z.infer<typeof messageView>;

/** How far one member has received and read a room: the author's ticks come from these. */
export const readPosition = z.object({
  userId: z.string(),
  deliveredSeq: z.number().int(),
  readSeq: z.number().int(),
});

export const roomSummary = z.object({
  room: z.string(),
  kind: z.enum(['joint', 'caucus']),
  partyId: z.string().nullable(),
  lastSeq: z.number().int(),
  readSeq: z.number().int(),
  unread: z.number().int(),
  /** New messages, documents and calls are accepted (the mediation is running). */
  open: z.boolean(),
});

export const roomList = z.object({
  rooms: z.array(roomSummary),
  members: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      role: z.enum(['party', 'mediator']),
      partyId: z.string().nullable(),
    }),
  ),
});

export const historyQuery = z.object({
  since: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const history = z.object({
  messages: z.array(messageView),
  lastSeq: z.number().int(),
  reads: z.array(readPosition),
});

export const markRead = z.object({ seq: z.number().int().min(0) });

// ── live frames ──────────────────────────────────────────────────────────────────────────────
const where = { caseId: z.uuid(), room: roomName };

export const clientFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subscribe'), ...where, since: z.number().int().min(0).default(0) }),
  z.object({ type: z.literal('unsubscribe'), ...where }),
  z.object({ type: z.literal('send'), ...where, key: idempotencyKey, body: messageBody }),
  z.object({ type: z.literal('typing'), ...where }),
  z.object({ type: z.literal('read'), ...where, seq: z.number().int().min(0) }),
  /** WebRTC offer/answer/ICE for one other connection in the same room. */
  z.object({
    type: z.literal('signal'),
    ...where,
    to: z.string().min(1).max(100),
    data: z.record(z.string(), z.unknown()),
  }),
  z.object({ type: z.literal('ping') }),
]);
export type ClientFrame = z.infer<typeof clientFrame>;

export type PresenceMember = {
  connectionId: string;
  userId: string;
  name: string;
  role: 'party' | 'mediator' | 'interpreter';
};

export type ReadMarkView = { userId: string; deliveredSeq: number; readSeq: number };

export type ServerFrame =
  | { type: 'hello'; connectionId: string }
  | { type: 'subscribed'; caseId: string; room: string; lastSeq: number }
  | { type: 'message'; caseId: string; room: string; message: MessageView }
  | { type: 'ack'; caseId: string; room: string; key: string; seq: number }
  | { type: 'typing'; caseId: string; room: string; userId: string; name: string }
  /** How far members have received and read the room (the author's ticks), several at once. */
  | { type: 'read'; caseId: string; room: string; marks: ReadMarkView[] }
  | { type: 'presence'; caseId: string; room: string; members: PresenceMember[] }
  | { type: 'signal'; caseId: string; room: string; from: string; fromUserId: string; data: unknown }
  | { type: 'error'; code: string; detail: string; ref?: { caseId?: string; room?: string; key?: string } }
  | { type: 'pong' };

// ── the mediator's notes and shuttle statements ─────────────────────────────────────────────
export const noteInput = z.object({ body: messageBody });
export const noteView = z.object({
  id: z.string(),
  body: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const noteParams = z.object({ id: z.uuid('not_found'), noteId: z.uuid('not_found') });

export const shuttleProposal = z.object({ fromPartyId: z.uuid(), toPartyId: z.uuid(), body: messageBody });
/** The author approves (or declines) exactly the text shown, named by its SHA-256. */
export const shuttleAnswer = z.object({
  approve: z.boolean(),
  bodyHash: z.string().regex(/^[0-9a-f]{64}$/, 'invalid_format'),
});
export const shuttleView = z.object({
  id: z.string(),
  fromPartyId: z.string(),
  toPartyId: z.string(),
  body: z.string(),
  bodyHash: z.string(),
  status: z.enum(['proposed', 'approved', 'declined', 'withdrawn']),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export const shuttleParams = z.object({ id: z.uuid('not_found'), statementId: z.uuid('not_found') });
