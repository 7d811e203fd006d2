import type { PresenceMember } from '../../../contracts/room.ts';

// Who is in a room now, across nodes. Each node owns the list of its own sockets in a room and
// announces it on the bus whenever it changes and every ANNOUNCE_MS; the others keep the last
// announcement per node and forget a node they have not heard from for STALE_MS (a node that died
// without saying goodbye).

export const ANNOUNCE_MS = 20_000;
const STALE_MS = 3 * ANNOUNCE_MS;

const roomKey = (caseId: string, room: string) => `${caseId}|${room}`;

export const createPresence = (now: () => number) => {
  /** node → room → { members, heardAt } */
  const byNode = new Map<string, Map<string, { members: PresenceMember[]; heardAt: number }>>();

  return {
    /** Records a node's announcement for one room. */
    heard: (node: string, caseId: string, room: string, members: PresenceMember[]) => {
      const rooms = byNode.get(node) ?? new Map();
      byNode.set(node, rooms);
      if (members.length === 0) rooms.delete(roomKey(caseId, room));
      else rooms.set(roomKey(caseId, room), { members, heardAt: now() });
    },
    /** Everyone in the room on any live node, each connection once. */
    members: (caseId: string, room: string): PresenceMember[] => {
      const key = roomKey(caseId, room);
      const seen = new Map<string, PresenceMember>();
      for (const [node, rooms] of byNode) {
        const entry = rooms.get(key);
        if (!entry) continue;
        if (now() - entry.heardAt > STALE_MS) {
          rooms.delete(key);
          if (rooms.size === 0) byNode.delete(node);
          continue;
        }
        for (const member of entry.members) seen.set(member.connectionId, member);
      }
      return [...seen.values()];
    },
  };
};

export type Presence = ReturnType<typeof createPresence>;
