// A protocol-faithful stand-in for NCALayer (issue 6), for tests only: production code never
// imports it (a test checks src/ for that). It speaks NCALayer's WebSocket JSON as the maintained
// client's recorded exchanges show it: the version on connect, the KAZTOKEN probe answered as
// plain NCALayer does (not 200), and kz.gov.pki.knca.basics / sign answered with
// {status, body: {result}} — a "-----BEGIN CMS-----" PEM, or no result when the user cancels.
// Signatures are made by `openssl cms -sign` with a test key, independent of the code under test.
// It runs plain ws on a random port; real NCALayer is wss on 13579 with its own certificate.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type WebSocket, WebSocketServer } from 'ws';
import { parseCertificate } from '../src/server/platform/signatures/certificate.ts';
import { signerIdentity } from '../src/server/platform/signatures/identity.ts';

const run = promisify(execFile);

export type FakeNcaLayerOptions = {
  /** The key the "user" picks in NCALayer's dialog. */
  certificatePem: string;
  keyPem: string;
  /** cancel: the user closes the dialog instead of signing. */
  behaviour?: 'sign' | 'cancel';
  version?: string;
};

export type FakeNcaLayer = {
  url: string;
  /** Every request received, parsed, in order. */
  requests: Array<Record<string, unknown>>;
  close(): Promise<void>;
};

type SignArgs = {
  allowedStorages?: unknown;
  format?: unknown;
  data?: unknown;
  signingParams?: unknown;
  signerParams?: unknown;
  locale?: unknown;
};

// Error shapes as NCALayer sends them for a bad invocation (recorded in ncalayer-js-client tests).
const invocationError = (details: string) => ({
  code: 'INVOCATION_ERROR',
  message: 'An invoked method threw an exception.',
  details,
  status: false,
});

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const startFakeNcaLayer = async (options: FakeNcaLayerOptions): Promise<FakeNcaLayer> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-ncalayer-'));
  const certFile = path.join(dir, 'signer.pem');
  const keyFile = path.join(dir, 'signer.key');
  fs.writeFileSync(certFile, options.certificatePem);
  fs.writeFileSync(keyFile, options.keyPem, { mode: 0o600 });
  const certificate = parseCertificate(
    new Uint8Array(Buffer.from(options.certificatePem.replace(/-----[^-]+-----|\s/g, ''), 'base64')),
  );
  const identity = signerIdentity(certificate.subjectAttributes);
  const requests: Array<Record<string, unknown>> = [];
  let counter = 0;

  /** NCALayer shows only keys matching every requested OID (purpose or policy), IIN and BIN. */
  const keyOffered = (signerParams: Record<string, unknown>) => {
    const oids = Array.isArray(signerParams.extKeyUsageOids)
      ? (signerParams.extKeyUsageOids as string[])
      : [];
    const has = [...(certificate.extendedKeyUsage ?? []), ...certificate.policies];
    if (!oids.every((oid) => has.includes(oid))) return false;
    if (signerParams.iin && signerParams.iin !== identity.iin) return false;
    if (signerParams.bin && signerParams.bin !== identity.bin) return false;
    return true;
  };

  const signOne = async (data: string, decode: boolean, encapsulate: boolean) => {
    const input = path.join(dir, `data-${++counter}`);
    fs.writeFileSync(input, decode ? Buffer.from(data, 'base64') : Buffer.from(data, 'utf8'));
    const args = ['cms', '-sign', '-binary', '-outform', 'PEM', '-md', 'sha256', '-in', input];
    if (encapsulate) args.push('-nodetach');
    const { stdout } = await run('openssl', [...args, '-signer', certFile, '-inkey', keyFile]);
    return stdout;
  };

  const sign = async (args: SignArgs) => {
    if (args.format !== 'cms') return invocationError('the fake NCALayer signs CMS only');
    if (!isObject(args.signingParams))
      return invocationError('org.json.JSONException: JSONObject["signingParams"] is not a JSONObject.');
    if (!isObject(args.signerParams))
      return invocationError('org.json.JSONException: JSONObject["signerParams"] is not a JSONObject.');
    const { decode = false, encapsulate = true, digested = false } = args.signingParams;
    if (digested) return invocationError('the fake NCALayer does not sign pre-computed digests');
    const items = Array.isArray(args.data) ? args.data : [args.data];
    if (items.length === 0 || !items.every((item) => typeof item === 'string'))
      return invocationError('org.json.JSONException: JSONObject["data"] not a string.');
    if (options.behaviour === 'cancel' || !keyOffered(args.signerParams)) return { body: {}, status: true };
    const results = await Promise.all(
      items.map((item) => signOne(item, decode === true, encapsulate === true)),
    );
    return { body: { result: Array.isArray(args.data) ? results : results[0] }, status: true };
  };

  const answer = async (raw: string): Promise<unknown> => {
    let request: Record<string, unknown>;
    try {
      request = JSON.parse(raw);
    } catch {
      return { code: '500', message: "org.json.JSONException: A JSONObject text must begin with '{'" };
    }
    requests.push(request);
    if (request.module === 'kz.gov.pki.knca.basics' && request.method === 'sign')
      return sign(isObject(request.args) ? (request.args as SignArgs) : {});
    // Any other module, the KAZTOKEN probe included: NCALayer without that module answers an error.
    return { code: '500', message: `module ${String(request.module)} is not available` };
  };

  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  server.on('connection', (socket: WebSocket) => {
    socket.send(JSON.stringify({ result: { version: options.version ?? '1.4' } }));
    socket.on('message', (message) => {
      void answer(message.toString()).then((reply) => socket.send(JSON.stringify(reply)));
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    requests,
    close: async () => {
      for (const client of server.clients) client.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
};
