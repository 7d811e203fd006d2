import { afterAll, beforeAll, beforeEach } from 'vitest';
import { WebSocket } from 'ws';
import type { ServerFrame } from '../src/contracts/room.ts';
import { createTestApp, type TestApp } from './app.ts';

// A real WebSocket client for the live socket (/api/live) of an app listening on a real port.

export const listen = async (app: TestApp['app']) => {
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return address.replace(/^http/, 'ws');
};

export type LiveClient = {
  frames: ServerFrame[];
  send: (frame: object) => void;
  raw: (data: string) => void;
  /** Resolves with the first matching frame, received before or after the call, not taken by an earlier `next`. */
  next: <T extends ServerFrame['type']>(
    type: T,
    where?: (frame: Extract<ServerFrame, { type: T }>) => boolean,
    timeoutMs?: number,
  ) => Promise<Extract<ServerFrame, { type: T }>>;
  /** The same for any frame `where` accepts. */
  nextWhere: (where: (frame: ServerFrame) => boolean, timeoutMs?: number) => Promise<ServerFrame>;
  close: () => Promise<void>;
  socket: WebSocket;
};

export const liveClient = (baseUrl: string, cookie: string): Promise<LiveClient> =>
  new Promise((resolve, reject) => {
    const socket = new WebSocket(`${baseUrl}/api/live`, { headers: { cookie } });
    const frames: ServerFrame[] = [];
    const taken = new Set<number>();
    const waiters = new Set<() => void>();
    socket.on('message', (data) => {
      frames.push(JSON.parse(data.toString()));
      for (const wake of waiters) wake();
    });
    socket.once('error', reject);
    socket.once('unexpected-response', (_req, res) =>
      reject(new Error(`upgrade refused: ${res.statusCode}`)),
    );
    socket.once('open', () => {
      const client: LiveClient = {
        frames,
        socket,
        send: (frame) => socket.send(JSON.stringify(frame)),
        raw: (data) => socket.send(data),
        nextWhere: (where, timeoutMs = 10_000) =>
          new Promise((done, fail) => {
            const check = () => {
              for (let index = 0; index < frames.length; index++) {
                const frame = frames[index] as ServerFrame;
                if (!taken.has(index) && where(frame)) {
                  taken.add(index);
                  waiters.delete(check);
                  clearTimeout(timer);
                  done(frame);
                  return;
                }
              }
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`no frame as awaited within ${timeoutMs} ms; got ${JSON.stringify(frames)}`));
            }, timeoutMs);
            waiters.add(check);
            check();
          }),
        next: (type, where = () => true, timeoutMs = 10_000) =>
          client.nextWhere((frame) => frame.type === type && where(frame as never), timeoutMs) as never,
        close: () =>
          new Promise((done) => {
            if (socket.readyState === WebSocket.CLOSED) return done();
            socket.once('close', () => done());
            socket.close();
          }),
      };
      resolve(client);
    });
  });

/**
 * A test file's app on a real port and its live clients, inside the file: the app is made before
 * the tests; before each test every client is closed and the database emptied. `connect` waits
 * for the socket's hello; `subscribe` answers with `subscribed` or the error frame for that room.
 */
export const liveSuite = () => {
  let app: TestApp | undefined;
  let base = '';
  const open: LiveClient[] = [];
  beforeAll(async () => {
    app = await createTestApp();
    base = await listen(app.app);
  });
  afterAll(() => app?.close());
  beforeEach(async () => {
    for (const client of open.splice(0)) await client.close();
    await app?.reset();
  });
  return {
    get app() {
      if (!app) throw new Error('the live suite has not started: use it inside a test');
      return app;
    },
    get base() {
      return base;
    },
    connect: async (cookie: string) => {
      const client = await liveClient(base, cookie);
      open.push(client);
      await client.next('hello');
      return client;
    },
    subscribe: (client: LiveClient, caseId: string, room: string, since = 0) => {
      const answer = client.nextWhere(
        (f) => (f.type === 'subscribed' && f.room === room) || (f.type === 'error' && f.ref?.room === room),
      );
      client.send({ type: 'subscribe', caseId, room, since });
      return answer;
    },
  };
};
