import type {} from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import { type ClientFrame, clientFrame, type ServerFrame } from '../../../contracts/room.ts';
import type { Locale } from '../../../core/identity/roles.ts';
import type { AppContext } from '../../context.ts';
import { SESSION_COOKIE } from '../../platform/auth/sessions.ts';
import { Problem, problemBody } from '../../platform/errors.ts';
import { requirePrincipal } from '../../platform/http/access.ts';
import { requestLocale } from '../../platform/http/locale.ts';
import { publishRoomEvent } from './events.ts';
import type { LiveConnection, RoomHub } from './hub.ts';
import { markRoomRead } from './messages.ts';
import { createMessageWriter } from './writer.ts';

// The live socket (/api/live): one per browser tab, for every room the tab shows. Each frame is
// validated; a bad one gets an error frame and the socket stays up for valid use. The session is
// checked again at every frame, so logging out elsewhere closes the socket.

const RATE_PER_S = 20;
const BURST = 60;
const PING_MS = 25_000;
export const CLOSE_UNAUTHENTICATED = 4401;

/** Why a frame failed validation, as a stable code: the message's own rule when it names one. */
const frameProblem = (issues: { message: string }[]) => {
  const known = issues.map((i) => i.message).find((m) => m === 'message_empty' || m === 'message_too_long');
  return new Problem(400, known ?? 'frame_invalid');
};

const refOf = (frame: Partial<ClientFrame> | null) =>
  frame && 'caseId' in frame
    ? { caseId: frame.caseId, room: frame.room, ...('key' in frame ? { key: frame.key } : {}) }
    : undefined;

export const registerLiveSocket = (app: FastifyInstance, ctx: AppContext, hub: RoomHub) => {
  const writer = createMessageWriter(ctx);
  app.addHook('onClose', () => writer.close());
  const handle = async (c: LiveConnection, frame: ClientFrame) => {
    switch (frame.type) {
      case 'ping':
        return c.send({ type: 'pong' });
      case 'subscribe':
        return hub.subscribe(c, frame.caseId, frame.room, frame.since);
      case 'unsubscribe':
        return hub.unsubscribe(c, frame.caseId, frame.room);
      case 'send': {
        const message = await writer.send({
          principal: c.principal,
          caseId: frame.caseId,
          room: frame.room,
          input: { kind: 'text', body: frame.body, key: frame.key },
        });
        return c.send({
          type: 'ack',
          caseId: frame.caseId,
          room: frame.room,
          key: frame.key,
          seq: message.seq,
        });
      }
      case 'read':
        await markRoomRead(ctx, c.principal, frame.caseId, frame.room, frame.seq);
        return;
    }
    // Typing and call signals go only to a room this socket was admitted to.
    if (!hub.isSubscribed(c, frame.caseId, frame.room)) throw new Problem(404, 'room_not_found');
    const where = { caseId: frame.caseId, room: frame.room };
    if (frame.type === 'typing')
      return publishRoomEvent(ctx, {
        type: 'typing',
        ...where,
        userId: c.principal.userId,
        name: c.principal.fullName,
        connectionId: c.id,
      });
    return publishRoomEvent(ctx, {
      type: 'signal',
      ...where,
      from: c.id,
      fromUserId: c.principal.userId,
      to: frame.to,
      data: frame.data,
    });
  };

  const attach = (socket: WebSocket, locale: Locale, c: LiveConnection) => {
    let tokens = BURST;
    let refilledAt = Date.now();
    const admit = () => {
      const now = Date.now();
      tokens = Math.min(BURST, tokens + ((now - refilledAt) / 1000) * RATE_PER_S);
      refilledAt = now;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    };
    const fail = (error: unknown, frame: Partial<ClientFrame> | null) => {
      const problem = error instanceof Problem ? error : null;
      if (!problem) ctx.log.error({ err: error }, 'live frame failed');
      const body = problemBody(problem ?? new Problem(500, 'internal'), locale);
      c.send({ type: 'error', code: body.code, detail: body.detail, ref: refOf(frame) });
    };
    // Frames of one socket are handled in arrival order: a tab's messages keep their order.
    let queue: Promise<unknown> = Promise.resolve();
    socket.on('message', (data: RawData, isBinary: boolean) => {
      queue = queue.then(async () => {
        let frame: Partial<ClientFrame> | null = null;
        try {
          if (!admit()) throw new Problem(429, 'too_many_frames');
          const json = isBinary ? null : JSON.parse(data.toString());
          frame = json && typeof json === 'object' ? json : null;
          const parsed = clientFrame.safeParse(json);
          if (!parsed.success) throw frameProblem(parsed.error.issues);
          // Whatever changed since the last frame (roles, the cases interpreted in) counts now.
          if (!(await c.refresh())) {
            c.send({
              type: 'error',
              code: 'unauthenticated',
              detail: problemBody(new Problem(401, 'unauthenticated'), locale).detail,
            });
            socket.close(CLOSE_UNAUTHENTICATED, 'unauthenticated');
            return;
          }
          await handle(c, parsed.data);
        } catch (error) {
          fail(error instanceof SyntaxError ? new Problem(400, 'frame_invalid') : error, frame);
        }
      });
      // Whatever went wrong with one frame, the next ones are still handled.
      queue = queue.catch((error) => ctx.log.error({ err: error }, 'live frame not answered'));
    });
    let alive = true;
    socket.on('pong', () => {
      alive = true;
    });
    const ping = setInterval(() => {
      if (!alive) return socket.terminate();
      alive = false;
      socket.ping();
    }, PING_MS);
    socket.on('close', () => {
      clearInterval(ping);
      hub.disconnect(c).catch((error) => ctx.log.error({ err: error }, 'live disconnect failed'));
    });
  };

  app.get(
    '/api/live',
    {
      websocket: true,
      config: { access: 'user' },
      schema: { tags: ['room'], summary: 'The live socket of the mediation rooms (see contracts/room.ts)' },
    },
    (socket, request) => {
      const send = (frame: ServerFrame | string) => {
        if (socket.readyState === socket.OPEN)
          socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
      };
      const token = request.cookies[SESSION_COOKIE] ?? '';
      const locale = requestLocale(request);
      const c = hub.connect(
        {
          principal: requirePrincipal(request),
          locale,
          refresh: async () => {
            const session = await ctx.sessions.resolve(token);
            if (session) c.principal = session.principal;
            return session?.principal ?? null;
          },
        },
        send,
      );
      attach(socket, locale, c);
    },
  );
};
