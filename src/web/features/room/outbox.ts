// Messages written but not yet confirmed by the server, kept in the browser (localStorage) per
// room: typed offline, they survive a reload and are sent — with the same key, so never twice —
// when the socket is back.

export type Queued = { key: string; body: string; at: string; error?: string };

const storageKey = (caseId: string, room: string) => `kelisim.outbox.${caseId}.${room}`;

export const readOutbox = (caseId: string, room: string): Queued[] => {
  try {
    const raw = localStorage.getItem(storageKey(caseId, room));
    return raw ? (JSON.parse(raw) as Queued[]) : [];
  } catch {
    return [];
  }
};

export const writeOutbox = (caseId: string, room: string, queue: Queued[]) => {
  try {
    if (queue.length === 0) localStorage.removeItem(storageKey(caseId, room));
    else localStorage.setItem(storageKey(caseId, room), JSON.stringify(queue));
  } catch {
    // Private mode or a full storage: the queue still lives in memory for this page.
  }
};
