// Enrolling the platform key in Node's WebCrypto, with a small in-memory IndexedDB (only what
// key-store.ts uses) and the server's real CSR check and CA standing in for the HTTP call.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { describe, expect, it } from 'vitest';
import { EC, makeCa, validIin } from '../../../../test/signatures/pki.ts';
import { provenPublicKey } from '../../../server/features/signing/csr.ts';
import { toPem } from '../../../server/platform/signatures/pem.ts';
import { loadPlatformCa } from '../../../server/platform/signatures/platform-ca.ts';
import { enrolPlatformKey } from './enrol.ts';
import { readPlatformKey } from './key-store.ts';
import { certificateUsable, generatePlatformKey } from './platform-key.ts';

const crypto = webcrypto as unknown as Crypto;

/** Just enough of IDBFactory for key-store.ts: open/upgrade, one store with a keyPath, get/put/delete. */
const memoryIndexedDb = (): IDBFactory => {
  const databases = new Map<string, Map<string, { keyPath: string; records: Map<unknown, unknown> }>>();
  const answer = <T>(produce: () => T, extra: Record<string, unknown> = {}) => {
    const request = {
      result: undefined as T | undefined,
      error: null,
      onsuccess: null,
      onerror: null,
      ...extra,
    };
    queueMicrotask(() => {
      const target = request as { result?: T; onsuccess: (() => void) | null; onupgradeneeded?: () => void };
      target.result = produce();
      target.onsuccess?.();
    });
    return request;
  };
  const connection = (stores: Map<string, { keyPath: string; records: Map<unknown, unknown> }>) => ({
    objectStoreNames: { contains: (name: string) => stores.has(name) },
    createObjectStore: (name: string, options: { keyPath: string }) => {
      stores.set(name, { keyPath: options.keyPath, records: new Map() });
    },
    close: () => undefined,
    transaction: (name: string) => ({
      objectStore: () => {
        const store = stores.get(name);
        if (!store) throw new Error(`no store ${name}`);
        return {
          get: (key: unknown) => answer(() => store.records.get(key)),
          put: (value: Record<string, unknown>) =>
            answer(() => {
              // IndexedDB keeps a copy, not the caller's object.
              store.records.set(value[store.keyPath], { ...value });
              return value[store.keyPath];
            }),
          delete: (key: unknown) => answer(() => void store.records.delete(key)),
        };
      },
    }),
  });
  return {
    open: (name: string) => {
      const request: Record<string, unknown> = { onupgradeneeded: null, onsuccess: null, onerror: null };
      queueMicrotask(() => {
        const isNew = !databases.has(name);
        if (isNew) databases.set(name, new Map());
        request.result = connection(databases.get(name) as never);
        if (isNew) (request.onupgradeneeded as (() => void) | null)?.();
        (request.onsuccess as (() => void) | null)?.();
      });
      return request;
    },
  } as unknown as IDBFactory;
};

const platformCa = async () => {
  const keys = (await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair;
  const certificate = await makeCa('Kelisim simple signature CA', keys);
  const pkcs8 = new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  return loadPlatformCa({
    env: { KELISIM_CA_KEY: toPem(pkcs8, 'PRIVATE KEY'), KELISIM_CA_CERT: certificate.pem },
    dataDir: '/nonexistent',
  });
};

/** The server's side of POST /api/signing/certificate, without HTTP: check the CSR, certify its key. */
const fakeServer = async () => {
  const ca = await platformCa();
  const requests: string[] = [];
  return {
    ca,
    requests,
    issueCertificate: async (csr: string) => {
      requests.push(csr);
      const spki = await provenPublicKey(csr);
      const issued = await ca.issue({ spki, commonName: 'Асқар Нұрланұлы', iin: validIin() });
      return { certificate: Buffer.from(issued.der).toString('base64') };
    },
  };
};

describe('enrolPlatformKey', () => {
  it('makes a non-extractable key, proves it in a CSR, stores the certificate, then reuses it', {
    timeout: 60_000,
  }, async () => {
    const factory = memoryIndexedDb();
    const server = await fakeServer();
    const deps = { factory, crypto, issueCertificate: server.issueCertificate };

    const record = await enrolPlatformKey('account-1', deps);
    expect(server.requests).toHaveLength(1);
    expect(record.privateKey.extractable).toBe(false);
    expect(record.certificate).not.toBeNull();
    expect(certificateUsable(record)).toBe(true);
    const certificate = new x509.X509Certificate(new Uint8Array(record.certificate as Uint8Array));
    expect(new Uint8Array(certificate.publicKey.rawData)).toEqual(record.spki);
    expect(
      await certificate.verify(
        { publicKey: new x509.X509Certificate(new Uint8Array(server.ca.certificateDer)) },
        crypto,
      ),
    ).toBe(true);
    // The request named the account id only; the CA wrote the name and IIN it knows.
    const request = new x509.Pkcs10CertificateRequest(
      new Uint8Array(Buffer.from(server.requests[0] as string, 'base64')),
    );
    expect(request.subject).toBe('CN=account-1');
    expect(await readPlatformKey('account-1', factory)).toMatchObject({ certificate: record.certificate });

    const again = await enrolPlatformKey('account-1', deps);
    expect(server.requests).toHaveLength(1);
    expect(again.certificate).toEqual(record.certificate);

    const renewed = await enrolPlatformKey('account-1', { ...deps, renew: true });
    expect(server.requests).toHaveLength(2);
    expect(renewed.spki).toEqual(record.spki);
    expect(renewed.certificate).not.toEqual(record.certificate);
  });

  it('asks again once the certificate has expired, and only once for simultaneous calls', {
    timeout: 60_000,
  }, async () => {
    const factory = memoryIndexedDb();
    const server = await fakeServer();
    const deps = { factory, crypto, issueCertificate: server.issueCertificate };
    const [a, b] = await Promise.all([
      enrolPlatformKey('account-2', deps),
      enrolPlatformKey('account-2', deps),
    ]);
    expect(server.requests).toHaveLength(1);
    expect(a.certificate).toEqual(b.certificate);

    const inTwoYears = () => new Date(Date.now() + 2 * 365 * 86_400_000);
    await enrolPlatformKey('account-2', { ...deps, now: inTwoYears });
    expect(server.requests).toHaveLength(2);
  });

  it('refuses a certificate for another key and keeps none', { timeout: 60_000 }, async () => {
    const factory = memoryIndexedDb();
    const server = await fakeServer();
    const stranger = await generatePlatformKey('someone-else', crypto);
    const wrongKey = async () => {
      const issued = await server.ca.issue({ spki: stranger.spki, commonName: 'Other', iin: validIin() });
      return { certificate: Buffer.from(issued.der).toString('base64') };
    };
    await expect(
      enrolPlatformKey('account-3', { factory, crypto, issueCertificate: wrongKey }),
    ).rejects.toThrow(/certificate_mismatch/);
    expect((await readPlatformKey('account-3', factory))?.certificate).toBeNull();
  });
});
