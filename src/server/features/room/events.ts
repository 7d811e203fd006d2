import type { MessageView, PresenceMember, ReadMarkView } from '../../../contracts/room.ts';
import type { AppContext } from '../../context.ts';

// What travels between nodes about a case's rooms. Stored things (messages, read marks) are in the
// database before they are published; typing, presence and call signals are only ever published.
// Each case has its own topic, so a node hears only the cases its sockets follow.

type Where = { caseId: string; room: string };
export type RoomEvent =
  | (Where & { type: 'message'; message: MessageView })
  | (Where & { type: 'read'; marks: ReadMarkView[] })
  | (Where & { type: 'typing'; userId: string; name: string; connectionId: string })
  | (Where & { type: 'presence'; node: string; members: PresenceMember[] })
  | { type: 'presence_query'; caseId: string; node: string }
  /** Who is in the case changed: every node checks its sockets on the case again. */
  | { type: 'members'; caseId: string }
  | (Where & { type: 'signal'; from: string; fromUserId: string; to: string; data: unknown });

export const roomTopic = (caseId: string) => `room.${caseId}`;

export const publishRoomEvent = (ctx: Pick<AppContext, 'bus'>, event: RoomEvent) =>
  ctx.bus.publish(roomTopic(event.caseId), event);
