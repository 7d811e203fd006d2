import { Redis } from 'ioredis';
import {
  type Bus,
  BusClosedError,
  type BusHandler,
  type BusOptions,
  defaultBusErrorReporter,
} from './types.ts';

export type RedisBusOptions = BusOptions & {
  // Namespaces the channels so that two deployments (or two test runs) can share one Redis.
  prefix?: string;
};

type Entry = { handler: BusHandler };

// What this node wants on one channel, and what Redis has confirmed. Every SUBSCRIBE/UNSUBSCRIBE
// for the channel runs on the `op` chain so that quick subscribe/unsubscribe/subscribe sequences
// converge on the last wish instead of racing each other.
type Channel = { topic: string; entries: Set<Entry>; subscribed: boolean; op: Promise<void> };

// While Redis is down ioredis holds a QUIT until it reconnects; shutdown must not wait for that.
const QUIT_GRACE_MS = 2_000;

const quitWithin = async (connection: Redis): Promise<void> => {
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, QUIT_GRACE_MS);
    timer.unref();
  });
  try {
    await Promise.race([connection.quit(), grace]);
  } catch {
    // Already closed or failed: disconnect below is all that is left to do.
  } finally {
    clearTimeout(timer);
    connection.disconnect();
  }
};

// Redis pub/sub between app nodes. A subscribing connection cannot run other commands, hence one
// connection to publish and one to subscribe. ioredis re-sends our SUBSCRIBEs after a reconnect
// (autoResubscribe); messages published while a node is disconnected are lost, as the port says.
export const createRedisBus = async (url: string, options: RedisBusOptions = {}): Promise<Bus> => {
  const onError = options.onError ?? defaultBusErrorReporter;
  const prefix = options.prefix ?? 'kelisim:';

  // lazyConnect + explicit connect(): an unreachable Redis fails at boot, loudly, instead of the
  // node starting and queueing every publish until a retry limit is hit.
  const pub = new Redis(url, { lazyConnect: true });
  const sub = new Redis(url, { lazyConnect: true });
  // Without a listener ioredis prints "Unhandled error event"; route connection errors (each
  // failed reconnect attempt included) to the reporter instead.
  pub.on('error', (err) => onError(err));
  sub.on('error', (err) => onError(err));
  try {
    await Promise.all([pub.connect(), sub.connect()]);
  } catch (err) {
    pub.disconnect();
    sub.disconnect();
    throw err;
  }

  const channels = new Map<string, Channel>();
  let closing: Promise<void> | undefined;

  const reconcile = (name: string, channel: Channel): Promise<void> => {
    const run = channel.op.then(async () => {
      const wanted = channel.entries.size > 0;
      if (wanted && !channel.subscribed) {
        // Resolves when Redis has answered the SUBSCRIBE, after which a publish reaches us.
        await sub.subscribe(name);
        channel.subscribed = true;
      } else if (!wanted && channel.subscribed) {
        await sub.unsubscribe(name);
        channel.subscribed = false;
      }
      if (channel.entries.size === 0 && !channel.subscribed && channels.get(name) === channel) {
        channels.delete(name);
      }
    });
    channel.op = run.catch(() => undefined);
    return run;
  };

  sub.on('message', (name: string, raw: string) => {
    const channel = channels.get(name);
    if (!channel) return;
    let decoded: unknown;
    try {
      decoded = JSON.parse(raw);
    } catch (cause) {
      // Another writer on our prefix (or a version skew) must not crash this node. The payload
      // is left out of the error: it may carry mediation content that does not belong in logs.
      onError(
        new SyntaxError(`Malformed JSON on bus channel "${name}" (${raw.length} chars), ignored`, { cause }),
        channel.topic,
      );
      return;
    }
    let fresh = true;
    for (const entry of [...channel.entries]) {
      if (!channel.entries.has(entry)) continue;
      // Each handler gets its own decoded copy (re-parsing is the cheapest deep copy of JSON).
      const message = fresh ? decoded : JSON.parse(raw);
      fresh = false;
      try {
        entry.handler(message);
      } catch (err) {
        onError(err, channel.topic);
      }
    }
  });

  return {
    kind: 'redis',

    async publish(topic, message) {
      if (closing) throw new BusClosedError();
      const payload = JSON.stringify(message);
      // JSON.stringify returns undefined for undefined and functions: refuse rather than publish
      // the string "undefined", which no subscriber could decode.
      if (payload === undefined) throw new TypeError(`Message on topic "${topic}" is not JSON-serialisable`);
      await pub.publish(prefix + topic, payload);
    },

    async subscribe(topic, handler) {
      if (closing) throw new BusClosedError();
      const name = prefix + topic;
      let channel = channels.get(name);
      if (!channel) {
        channel = { topic, entries: new Set(), subscribed: false, op: Promise.resolve() };
        channels.set(name, channel);
      }
      const entry: Entry = { handler };
      channel.entries.add(entry);
      const current = channel;
      try {
        await reconcile(name, current);
      } catch (err) {
        current.entries.delete(entry);
        if (current.entries.size === 0 && !current.subscribed && channels.get(name) === current) {
          channels.delete(name);
        }
        throw err;
      }
      let removed = false;
      return async () => {
        if (removed) return;
        removed = true;
        current.entries.delete(entry);
        if (closing) return;
        await reconcile(name, current);
      };
    },

    close() {
      closing ??= (async () => {
        channels.clear();
        // quit() lets pending publishes flush. While Redis is down ioredis would queue the QUIT
        // until it reconnects, so a shutdown waits at most QUIT_GRACE_MS and then drops the socket.
        await Promise.all([pub, sub].map(quitWithin));
      })();
      return closing;
    },
  };
};
