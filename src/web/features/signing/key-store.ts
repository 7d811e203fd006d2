// Where a user's platform signing key lives: IndexedDB of this browser, one record per account.
// CryptoKey objects are stored as they are (structured clone keeps a non-extractable private key
// non-extractable), so the key never exists outside WebCrypto and never leaves the device.
const DATABASE = 'kelisim-signing';
const STORE = 'platform-keys';
const VERSION = 1;

export type StoredPlatformKey = {
  accountId: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** DER SubjectPublicKeyInfo, what the platform CA certifies. */
  spki: Uint8Array;
  /** DER certificate from the platform CA, once issued. */
  certificate: Uint8Array | null;
  createdAt: string;
};

const request = <T>(operation: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    operation.onsuccess = () => resolve(operation.result);
    operation.onerror = () => reject(operation.error);
  });

const open = (factory: IDBFactory) => {
  const opening = factory.open(DATABASE, VERSION);
  opening.onupgradeneeded = () => {
    if (!opening.result.objectStoreNames.contains(STORE))
      opening.result.createObjectStore(STORE, { keyPath: 'accountId' });
  };
  return request(opening);
};

const withStore = async <T>(
  factory: IDBFactory,
  mode: IDBTransactionMode,
  action: (store: IDBObjectStore) => IDBRequest<T>,
) => {
  const database = await open(factory);
  try {
    return await request(action(database.transaction(STORE, mode).objectStore(STORE)));
  } finally {
    database.close();
  }
};

export const readPlatformKey = async (accountId: string, factory: IDBFactory = indexedDB) =>
  ((await withStore(factory, 'readonly', (store) => store.get(accountId))) as
    | StoredPlatformKey
    | undefined) ?? null;

export const writePlatformKey = (record: StoredPlatformKey, factory: IDBFactory = indexedDB) =>
  withStore(factory, 'readwrite', (store) => store.put(record)).then(() => undefined);

/** Forgetting the key (sign-out on a shared computer, or a lost certificate) cannot be undone. */
export const deletePlatformKey = (accountId: string, factory: IDBFactory = indexedDB) =>
  withStore(factory, 'readwrite', (store) => store.delete(accountId)).then(() => undefined);
