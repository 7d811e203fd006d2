import type { MessageView } from '../../../contracts/room.ts';
import type { AppContext } from '../../context.ts';
import { type SendRequest, storeMessages } from './send.ts';

// Group commit for the live socket's sends: while a batch is being written, the sends that arrive
// wait and go together in the next one. A quiet room's message is written at once (a batch of
// one); a busy node writes hundreds per transaction instead of paying a transaction each.

/** Batches written at once: a second one keeps the database busy while the first commits. */
const IN_FLIGHT = 2;
/** Bounds a transaction's size (and the statements' parameter count: 3 per message in a lookup). */
const MAX_BATCH = 500;

type Waiting = { request: SendRequest; resolve: (m: MessageView) => void; reject: (e: unknown) => void };

export const createMessageWriter = (ctx: AppContext) => {
  const queue: Waiting[] = [];
  let writing = 0;
  let scheduled = false;
  let idle: (() => void) | null = null;

  const write = async (batch: Waiting[]) => {
    try {
      const outcomes = await storeMessages(
        ctx,
        batch.map((w) => w.request),
      );
      for (const [i, w] of batch.entries()) {
        const outcome = outcomes[i];
        if (outcome?.ok) w.resolve(outcome.message);
        else w.reject(outcome?.error);
      }
    } catch (error) {
      for (const w of batch) w.reject(error);
    } finally {
      writing--;
      drain();
    }
  };

  const drain = () => {
    scheduled = false;
    while (writing < IN_FLIGHT && queue.length > 0) {
      writing++;
      void write(queue.splice(0, MAX_BATCH));
    }
    if (writing === 0 && queue.length === 0) idle?.();
  };

  return {
    /** Stores and publishes one message; resolves with it, or rejects with the refusal. */
    send: (request: SendRequest) =>
      new Promise<MessageView>((resolve, reject) => {
        queue.push({ request, resolve, reject });
        // The frames that arrived in the same turn of the event loop go in one batch.
        if (!scheduled && writing < IN_FLIGHT) {
          scheduled = true;
          setImmediate(drain);
        }
      }),
    /** Resolves once every accepted send is written (shutdown). */
    close: () =>
      new Promise<void>((resolve) => {
        if (writing === 0 && queue.length === 0) return resolve();
        idle = resolve;
      }),
  };
};

export type MessageWriter = ReturnType<typeof createMessageWriter>;
