import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../contracts/common.ts';
import {
  history,
  historyQuery,
  markRead,
  messageView,
  roomList,
  roomName,
  sendMessage,
} from '../../../contracts/room.ts';
import type { AppContext } from '../../context.ts';
import { requirePrincipal } from '../../platform/http/access.ts';
import type { RoomHub } from './hub.ts';
import { registerLiveSocket } from './live.ts';
import { markRoomRead } from './messages.ts';
import { roomList as listRooms, readableRoom, roomHistory } from './queries.ts';
import { postMessage } from './send.ts';
import { shuttleRoutes } from './shuttle-routes.ts';

const tags = ['room'];
const roomParams = idParam.extend({ room: roomName });

/**
 * The room over HTTP (history, sending when the socket is down, read marks) and the live socket.
 * Only the case's parties and mediator reach a room; anyone else gets 404 (R-MED-17).
 */
export const roomRoutes =
  (ctx: AppContext, hub: RoomHub): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/cases/:id/rooms',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'The rooms I have in this case, with unread counts',
          params: idParam,
          response: { 200: roomList },
        },
      },
      async (request) => listRooms(ctx, requirePrincipal(request), request.params.id),
    );

    app.get(
      '/api/cases/:id/rooms/:room/messages',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'Messages after a sequence number (what a reconnecting client missed)',
          params: roomParams,
          querystring: historyQuery,
          response: { 200: history },
        },
      },
      async (request) => {
        const { id, room } = request.params;
        const access = await readableRoom(ctx.db, id, requirePrincipal(request), room);
        return roomHistory(ctx, access, room, request.query);
      },
    );

    app.post(
      '/api/cases/:id/rooms/:room/messages',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'Send a message (a retried key returns the stored message)',
          params: roomParams,
          body: sendMessage,
          response: { 200: messageView },
        },
      },
      async (request) => {
        const { id, room } = request.params;
        return postMessage(ctx, requirePrincipal(request), id, room, { kind: 'text', ...request.body });
      },
    );

    app.post(
      '/api/cases/:id/rooms/:room/read',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'Mark the room read up to a sequence number',
          params: roomParams,
          body: markRead,
          response: { 200: z.object({ deliveredSeq: z.number(), readSeq: z.number() }) },
        },
      },
      async (request) => {
        const { id, room } = request.params;
        return markRoomRead(ctx, requirePrincipal(request), id, room, request.body.seq);
      },
    );

    await app.register(shuttleRoutes(ctx));
    registerLiveSocket(app, ctx, hub);
  };
