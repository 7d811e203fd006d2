import {
  type Bus,
  BusClosedError,
  type BusHandler,
  type BusOptions,
  defaultBusErrorReporter,
} from './types.ts';

// In-process bus for a single node (the default when REDIS_URL is unset) and for tests.
// Fan-out is synchronous: every handler has run by the time publish() resolves, which keeps
// tests deterministic without sleeping.
export const createMemoryBus = (options: BusOptions = {}): Bus => {
  const onError = options.onError ?? defaultBusErrorReporter;
  // One entry per subscribe() call, so the same function subscribed twice is two subscriptions
  // and unsubscribing one leaves the other.
  const topics = new Map<string, Set<{ handler: BusHandler }>>();
  let closed = false;

  return {
    kind: 'memory',

    async publish(topic, message) {
      if (closed) throw new BusClosedError();
      const entries = topics.get(topic);
      if (!entries) return;
      // Iterate over a snapshot so a handler subscribed during this delivery does not receive it,
      // but skip one unsubscribed meanwhile: after unsubscribe nothing more is delivered.
      for (const entry of [...entries]) {
        if (!entries.has(entry)) continue;
        // A copy per handler, like Redis where every subscriber decodes its own: nobody can mutate
        // the publisher's object or share state with another handler by accident. A value that
        // cannot be cloned (a function, a socket) is the publisher's bug: the first clone throws
        // before any handler ran, so publish rejects and nothing is half-delivered.
        const copy = structuredClone(message);
        try {
          entry.handler(copy);
        } catch (err) {
          onError(err, topic);
        }
      }
    },

    async subscribe(topic, handler) {
      if (closed) throw new BusClosedError();
      const entry = { handler };
      let entries = topics.get(topic);
      if (!entries) {
        entries = new Set();
        topics.set(topic, entries);
      }
      entries.add(entry);
      return async () => {
        const current = topics.get(topic);
        if (!current) return;
        current.delete(entry);
        if (current.size === 0) topics.delete(topic);
      };
    },

    async close() {
      closed = true;
      topics.clear();
    },
  };
};
