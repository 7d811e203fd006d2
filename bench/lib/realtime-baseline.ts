// The baseline of bench/realtime.ts: the least a WebSocket relay can do for the same rooms of 4 on
// the same `ws` library the app's socket runs on (@fastify/websocket wraps it). It answers the
// harness's `subscribe` with `subscribed` and, after that, relays every frame's bytes unparsed to
// the other members of the room: no session, validation, storage, sequence, ack or bus. What the app
// adds on top of this is what its ratio measures.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';

export const startBaseline = async () => {
  // Same frame size limit as the app's socket (src/server/app.ts); compression off, as there.
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, maxPayload: 64 * 1024 });
  const rooms = new Map<string, Set<WebSocket>>();
  wss.on('connection', (socket) => {
    let members: Set<WebSocket> | null = null;
    socket.on('message', (data: RawData) => {
      if (members) {
        for (const other of members) if (other !== socket) other.send(data as Buffer, { binary: false });
        return;
      }
      // The first frame says which room (the harness sends `subscribe` first, as to the app).
      const frame = JSON.parse(data.toString()) as { type: string; caseId: string; room: string };
      if (frame.type !== 'subscribe') return;
      const key = `${frame.caseId}|${frame.room}`;
      members = rooms.get(key) ?? new Set();
      rooms.set(key, members);
      members.add(socket);
      socket.send(JSON.stringify({ type: 'subscribed', caseId: frame.caseId, room: frame.room, lastSeq: 0 }));
    });
    socket.on('close', () => members?.delete(socket));
    socket.on('error', () => undefined);
  });
  await once(wss, 'listening');
  const { port } = wss.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
};
