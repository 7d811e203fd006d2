// Time as a port so that tests can move it (expiring links, deadlines) without sleeping.
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stays where it is put; `advance` moves it forward, `set` puts it at an instant. For tests and benchmarks. */
export const manualClock = (start = new Date()) => {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (ms: number) => {
      current += ms;
    },
    set: (instant: Date) => {
      current = instant.getTime();
    },
  };
};
