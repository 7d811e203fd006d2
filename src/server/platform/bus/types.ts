// The message bus between app nodes: a topic-based publish/subscribe port.
//
// Delivery is at-most-once and fire-and-forget (Redis pub/sub semantics): a node that is not
// subscribed at the moment of publishing never sees the message. Anything that must not be lost is
// stored first (see DESIGN.md §4) and the bus only tells other nodes to look.

// Messages are JSON-serialisable values. Each handler receives its own copy, so a handler can
// neither mutate the publisher's object nor another handler's.
export type BusHandler = (message: unknown) => void;

export type Bus = {
  publish(topic: string, message: unknown): Promise<void>;
  // Resolves once the subscription is live: a message published after it resolves is delivered.
  // The returned function removes this one subscription (idempotent).
  subscribe(topic: string, handler: BusHandler): Promise<() => Promise<void>>;
  close(): Promise<void>;
  kind: 'memory' | 'redis';
};

// A handler that throws, a malformed message or a connection problem is reported here rather
// than thrown, because the publisher (often an HTTP request) is not the one at fault. `topic`
// is given when the error belongs to one.
export type BusErrorReporter = (err: unknown, topic?: string) => void;

export type BusOptions = { onError?: BusErrorReporter };

// Without a reporter the error still has to surface somewhere: silently dropping a failing
// handler would hide bugs.
export const defaultBusErrorReporter: BusErrorReporter = (err, topic) => {
  console.error(`[bus] error${topic === undefined ? '' : ` on topic "${topic}"`}:`, err);
};

export class BusClosedError extends Error {
  constructor() {
    super('The bus is closed');
    this.name = 'BusClosedError';
  }
}
