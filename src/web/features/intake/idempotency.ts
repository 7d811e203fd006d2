// Idempotency keys for "create" requests (a new case, a court referral). The key lives in
// sessionStorage so that a retry after a lost answer on a weak connection — even after a reload of
// the tab — sends the same key, and the server creates one case, not two. Forgotten once the
// server's answer has arrived.

type KeyStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'kelisim:idempotency:';
const memory = new Map<string, string>();

/** sessionStorage when the browser allows it; a per-page map otherwise (private modes, tests). */
const defaultStore = (): KeyStore => {
  try {
    if (typeof sessionStorage !== 'undefined') {
      sessionStorage.getItem(`${PREFIX}probe`);
      return sessionStorage;
    }
  } catch {
    // Storage disabled: fall through.
  }
  return {
    getItem: (key) => memory.get(key) ?? null,
    setItem: (key, value) => void memory.set(key, value),
    removeItem: (key) => void memory.delete(key),
  };
};

/** A random UUID; crypto.randomUUID needs a secure context, getRandomValues does not. */
export const newUuid = (): string => {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/**
 * The key of the pending "create" in this scope. `reused` is true when an earlier attempt with this
 * key did not get its answer: the server may have created the record from that attempt's body.
 */
export const idempotencyKey = (scope: string, store: KeyStore = defaultStore()) => {
  const name = `${PREFIX}${scope}`;
  const stored = store.getItem(name);
  if (stored) return { key: stored, reused: true };
  const key = newUuid();
  try {
    store.setItem(name, key);
  } catch {
    // Quota or privacy settings: the key still protects against a double click in this page.
  }
  return { key, reused: false };
};

/** The create succeeded: the next request in this tab is a new one. */
export const forgetIdempotencyKey = (scope: string, store: KeyStore = defaultStore()) => {
  try {
    store.removeItem(`${PREFIX}${scope}`);
  } catch {
    // See idempotencyKey.
  }
};
