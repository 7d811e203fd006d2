// The client side of bench/realtime.ts, run in worker threads (or child processes, see
// realtime-host.ts) so that generating load does not take the event loop of the servers under test. One harness for both servers: the same sockets, rooms,
// frames and pacing; only what comes back differs (the app answers `ack` and pushes `message`
// frames with the room's seq; the raw baseline relays the client's own `send` frame).
//
// A room lives wholly in one worker, so a message's send time and its arrival at the three other
// members are read on the same clock (performance.now() of that thread). The load is open-loop:
// message k is due at k / rate seconds whatever the servers do, so a slow server shows as latency
// and not as a lower offered rate (no coordinated omission).
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { WebSocket } from 'ws';
import type { BenchRoom } from './realtime-seed.ts';

export type ClientSetup = { rooms: BenchRoom[]; bodyChars: number; connectConcurrency: number };
export type RunSpec = { rate: number; warmupS: number; durationS: number; drainS: number; stallS: number };
export type ToClient =
  | { type: 'open'; kind: 'app' | 'baseline'; urls: string[] }
  | ({ type: 'run' } & RunSpec)
  | { type: 'close' };
export type RunResult = {
  sent: number;
  warmupSent: number;
  /** performance.now() of this thread: the measured window is firstSendAt → lastDeliveryAt. */
  firstSendAt: number;
  lastSendAt: number;
  lastDeliveryAt: number;
  latencies: Float64Array;
  ackLatencies: Float64Array;
  deliveries: number;
  /** By second of sending from the first measured send: [sum of latencies (ms), deliveries] pairs. */
  timeline: Float64Array;
  /** Deliveries of any message (warm-up ones still queued included) from the first measured send on. */
  windowDeliveries: number;
  /** Skipped: a later message of the same sender arrived first (never from either server, in order). */
  lost: number;
  /** Not arrived when the drain ended (stalled, or BENCH_DRAIN passed). */
  undelivered: number;
  duplicated: number;
  seqFaults: number;
  errors: Record<string, number>;
  frames: Record<string, number>;
  closedEarly: number;
  drainMs: number;
  /** From the first warm-up send to the end of the drain: what frame counts are divided by. */
  elapsedMs: number;
  stalled: boolean;
};
export type FromClient =
  | { type: 'opened'; ms: number }
  | { type: 'result'; result: RunResult }
  | { type: 'closed' }
  | { type: 'failed'; message: string };

type Conn = {
  ws: WebSocket;
  room: number;
  member: number;
  /** Next counter expected from each member of the room: any other value is a loss or a duplicate. */
  nextFrom: Int32Array;
  lastSeq: number;
};

// Realistic text (Kazakh, 2-byte UTF-8) after the fields the harness reads back.
const FILLER = 'Сәлеметсіз бе! Келісімге келу үшін тағы бір ұсыныс жасаймын. ';

/** A worker's parentPort, or this child process's IPC channel (bench/lib/realtime-host.ts). */
type Port = {
  on: (event: 'message', listener: (message: ToClient) => void) => unknown;
  postMessage: (message: FromClient, transfer?: ArrayBuffer[]) => void;
};

const clientMain = (setup: ClientSetup, port: Port) => {
  const rooms = setup.rooms.length;
  let conns: Conn[] = [];
  let kind: 'app' | 'baseline' = 'app';
  const sentBy = new Int32Array(rooms * 4);
  // Figures of the current run; reset by 'run'.
  let measuring = false;
  let latencies = new Float64Array(1024);
  let ackLatencies = new Float64Array(1024);
  let nLat = 0;
  let nAck = 0;
  let allDeliveries = 0;
  let deliveries = 0;
  let windowDeliveries = 0;
  let measuredFrom = 0;
  let timeline = new Float64Array(0);
  let acks = 0;
  let lastDeliveryAt = 0;
  let duplicated = 0;
  let lostInFlight = 0;
  let seqFaults = 0;
  let closedEarly = 0;
  const errors: Record<string, number> = {};
  const frames: Record<string, number> = {};

  // Sized for every measured message at the start of a run; grown should a run overshoot.
  const push = (into: 'lat' | 'ack', value: number) => {
    if (into === 'ack') {
      if (nAck === ackLatencies.length) ackLatencies = grow(ackLatencies);
      ackLatencies[nAck++] = value;
      return;
    }
    if (nLat === latencies.length) latencies = grow(latencies);
    latencies[nLat++] = value;
  };

  /**
   * body = member|counter|phase|sendTime|filler: who sent it, its place in their sequence, when.
   * Each sender's messages keep their order on both servers (one socket, handled in order), so a
   * counter below the expected one is a duplicate (or reordering) and one above it skipped a loss.
   */
  const received = (c: Conn, body: string, now: number) => {
    const [m, n, phase, t] = body.split('|', 4);
    const member = Number(m);
    const counter = Number(n);
    if (member === c.member) return; // the app echoes the author's own message: not a delivery
    const expected = c.nextFrom[member] as number;
    if (counter < expected) {
      duplicated++;
      return;
    }
    if (counter > expected) lostInFlight += counter - expected;
    c.nextFrom[member] = counter + 1;
    allDeliveries++;
    if (measuring) windowDeliveries++;
    if (phase === 'm') {
      deliveries++;
      lastDeliveryAt = now;
      if (measuring) {
        const latency = now - Number(t);
        push('lat', latency);
        // Mean latency by second of sending: a backlog building up, or a stall, shows as a trend.
        const second = Math.min(Math.floor((Number(t) - measuredFrom) / 1000), timeline.length / 2 - 1);
        timeline[2 * second] = (timeline[2 * second] as number) + latency;
        timeline[2 * second + 1] = (timeline[2 * second + 1] as number) + 1;
      }
    }
  };

  const onFrame = (c: Conn, raw: string) => {
    const now = performance.now();
    const frame = JSON.parse(raw);
    frames[frame.type] = (frames[frame.type] ?? 0) + 1;
    switch (frame.type) {
      case 'message': {
        // The room's sequence as this socket sees it: every seq once, in order, none skipped.
        if (frame.message.seq !== c.lastSeq + 1) seqFaults++;
        c.lastSeq = Math.max(c.lastSeq, frame.message.seq);
        return received(c, frame.message.body, now);
      }
      case 'send': // the baseline relays the sender's own frame
        return received(c, frame.body, now);
      case 'ack': {
        acks++;
        const [, , , phase, t] = String(frame.key).split(':');
        if (phase === 'm' && measuring) push('ack', now - Number(t));
        return;
      }
      case 'error':
        errors[frame.code] = (errors[frame.code] ?? 0) + 1;
        return;
    }
  };

  const connect = (url: string, room: number, member: number) =>
    new Promise<Conn>((resolve, reject) => {
      const ws = new WebSocket(`${url}`, {
        headers: { cookie: setup.rooms[room]?.cookies[member] as string },
        perMessageDeflate: false,
      });
      const c: Conn = { ws, room, member, nextFrom: new Int32Array(4), lastSeq: 0 };
      const timer = setTimeout(() => reject(new Error(`no 'subscribed' within 120 s from ${url}`)), 120_000);
      ws.on('message', (data: Buffer) => {
        const text = data.toString();
        if (text.includes('"type":"subscribed"')) {
          clearTimeout(timer);
          resolve(c);
        } else if (text.startsWith('{"type":"error"')) {
          clearTimeout(timer);
          reject(new Error(`subscribe refused: ${text}`));
        }
        onFrame(c, text);
      });
      ws.once('unexpected-response', (_q, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
      ws.on('error', (error) => {
        errors[`socket: ${error.message}`] = (errors[`socket: ${error.message}`] ?? 0) + 1;
        reject(error);
      });
      ws.once('open', () =>
        ws.send(
          JSON.stringify({ type: 'subscribe', caseId: setup.rooms[room]?.caseId, room: 'joint', since: 0 }),
        ),
      );
      ws.on('close', (code: number) => {
        if (closing) return;
        // The server closed it: 1006 without a close frame (terminated, e.g. a missed pong), 4401 logged out.
        closedEarly++;
        errors[`closed ${code}`] = (errors[`closed ${code}`] ?? 0) + 1;
      });
    });

  let closing = false;
  const open = async (urls: string[]) => {
    closing = false;
    sentBy.fill(0);
    const slots = Array.from({ length: rooms * 4 }, (_, i) => i);
    const opened: Conn[] = new Array(slots.length);
    // A bounded number of handshakes in flight, as many browsers arriving over some seconds.
    const runner = async () => {
      for (let i = slots.pop(); i !== undefined; i = slots.pop())
        opened[i] = await connect(urls[i % 4] as string, Math.floor(i / 4), i % 4);
    };
    await Promise.all(Array.from({ length: setup.connectConcurrency }, runner));
    conns = opened;
  };

  const body = (member: number, counter: number, phase: string, t: number) => {
    const head = `${member}|${counter}|${phase}|${t.toFixed(3)}|`;
    return (
      head + FILLER.repeat(Math.ceil(setup.bodyChars / FILLER.length)).slice(0, setup.bodyChars - head.length)
    );
  };

  /** Sends what is due at `rate` msg/s for `seconds`; message k goes to room k mod R, member ⌊k/R⌋ mod 4. */
  const pace = (rate: number, seconds: number, phase: 'w' | 'm', first: number) =>
    new Promise<number>((resolve) => {
      const total = Math.round(rate * seconds);
      const start = performance.now();
      let k = 0;
      const tick = () => {
        const due = Math.min(total, Math.floor(((performance.now() - start) * rate) / 1000) + 1);
        for (; k < due; k++) {
          const g = first + k;
          const room = g % rooms;
          const member = Math.floor(g / rooms) % 4;
          const c = conns[room * 4 + member] as Conn;
          const counter = sentBy[room * 4 + member] as number;
          sentBy[room * 4 + member] = counter + 1;
          const t = performance.now();
          const caseId = setup.rooms[room]?.caseId;
          const key = `${room}:${member}:${counter}:${phase}:${t.toFixed(3)}`;
          c.ws.send(
            JSON.stringify({
              type: 'send',
              caseId,
              room: 'joint',
              key,
              body: body(member, counter, phase, t),
            }),
          );
        }
        if (k < total) setTimeout(tick, 1);
        else resolve(performance.now());
      };
      tick();
    });

  const run = async (spec: RunSpec): Promise<RunResult> => {
    const warmupSent = Math.round(spec.rate * spec.warmupS);
    const sent = Math.round(spec.rate * spec.durationS);
    nLat = nAck = deliveries = windowDeliveries = 0;
    for (const key of Object.keys(frames)) delete frames[key];
    const runStart = performance.now();
    if (spec.warmupS > 0) await pace(spec.rate, spec.warmupS, 'w', 0);
    const firstSendAt = performance.now();
    measuredFrom = firstSendAt;
    timeline = new Float64Array(2 * Math.ceil(spec.durationS));
    measuring = true;
    latencies = new Float64Array(sent * 3 + 16);
    ackLatencies = new Float64Array(sent + 16);
    const lastSendAt = await pace(spec.rate, spec.durationS, 'm', warmupSent);
    // Drain: until every delivery (and, from the app, every ack) is in, or nothing moves for
    // stallS, or drainS has passed; what is missing then counts as lost.
    const totalSent = sentBy.reduce((sum, n) => sum + n, 0);
    const done = () => allDeliveries >= totalSent * 3 && (kind === 'baseline' || acks >= totalSent);
    let seen = allDeliveries + acks;
    let movedAt = performance.now();
    while (!done()) {
      await new Promise((wake) => setTimeout(wake, 50));
      const now = performance.now();
      if (allDeliveries + acks !== seen) {
        seen = allDeliveries + acks;
        movedAt = now;
      }
      if (now - movedAt > spec.stallS * 1000 || now - lastSendAt > spec.drainS * 1000) break;
    }
    measuring = false;
    // What each receiver has not had from each sender by now: undelivered (lost, if the drain ended
    // because nothing moved any more), and a seq short of the room's end.
    let undelivered = 0;
    for (const c of conns)
      for (let m = 0; m < 4; m++)
        if (m !== c.member)
          undelivered += Math.max(0, (sentBy[c.room * 4 + m] as number) - (c.nextFrom[m] as number));
    if (kind === 'app')
      for (const c of conns) {
        let roomTotal = 0;
        for (let m = 0; m < 4; m++) roomTotal += sentBy[c.room * 4 + m] as number;
        if (c.lastSeq !== roomTotal) seqFaults++;
      }
    return {
      sent,
      warmupSent,
      firstSendAt,
      lastSendAt,
      lastDeliveryAt,
      latencies: latencies.slice(0, nLat),
      ackLatencies: ackLatencies.slice(0, nAck),
      deliveries,
      windowDeliveries,
      timeline,
      lost: lostInFlight,
      undelivered,
      duplicated,
      seqFaults,
      errors,
      frames,
      closedEarly,
      drainMs: performance.now() - lastSendAt,
      elapsedMs: performance.now() - runStart,
      stalled: !done(),
    };
  };

  const close = async () => {
    closing = true;
    await Promise.all(
      conns.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.ws.readyState === WebSocket.CLOSED) return resolve();
            const timer = setTimeout(() => {
              c.ws.terminate();
              resolve();
            }, 10_000);
            c.ws.once('close', () => {
              clearTimeout(timer);
              resolve();
            });
            c.ws.close();
          }),
      ),
    );
    conns = [];
  };

  const reset = () => {
    allDeliveries = acks = duplicated = lostInFlight = seqFaults = closedEarly = 0;
    lastDeliveryAt = 0;
    for (const key of Object.keys(errors)) delete errors[key];
    for (const key of Object.keys(frames)) delete frames[key];
  };

  port.on('message', (message: ToClient) => {
    const answer = async (): Promise<FromClient> => {
      if (message.type === 'open') {
        kind = message.kind;
        reset();
        const start = performance.now();
        await open(message.urls);
        return { type: 'opened', ms: performance.now() - start };
      }
      if (message.type === 'run') return { type: 'result', result: await run(message) };
      await close();
      return { type: 'closed' };
    };
    answer().then(
      (reply) =>
        port.postMessage(
          reply,
          reply.type === 'result'
            ? [reply.result.latencies.buffer as ArrayBuffer, reply.result.ackLatencies.buffer as ArrayBuffer]
            : [],
        ),
      (error: Error) => port.postMessage({ type: 'failed', message: error.stack ?? error.message }),
    );
  });
};

const grow = (array: Float64Array) => {
  const bigger = new Float64Array(array.length * 2);
  bigger.set(array);
  return bigger;
};

if (!isMainThread && parentPort) clientMain(workerData as ClientSetup, parentPort as unknown as Port);
else if (process.env.KELISIM_BENCH_CLIENT === '1' && process.send) {
  // A child process: the first message is the setup; it ends with its parent.
  process.on('disconnect', () => process.exit(0));
  process.once('message', (setup) =>
    clientMain(setup as ClientSetup, {
      on: (_event, listener) => process.on('message', listener),
      postMessage: (message) => process.send?.(message),
    }),
  );
}
