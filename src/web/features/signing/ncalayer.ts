// Signing with NCALayer, the desktop EDS signer citizens of Kazakhstan use (DOMAIN.md §4): the
// browser talks to it at wss://127.0.0.1:13579 with kz.gov.pki.knca.basics / sign, asking for a
// detached CMS over the exact bytes of the document. Transport and protocol details are the
// maintained ncalayer-js-client's (sigex-kz); this module fixes Kelisim's parameters and turns its
// answers into a base64 DER CMS or a typed failure the UI can explain.
import ncalayer from 'ncalayer-js-client';

const { NCALayerClient } = ncalayer;

export const NCALAYER_URL = 'wss://127.0.0.1:13579';

const SIGNING_PURPOSE = '1.3.6.1.5.5.7.3.4';
/** NCA RK certificate policies: an individual, or an employee of a legal entity. */
const SIGNER_POLICIES = { individual: '1.2.398.3.3.4.1.1', organisation: '1.2.398.3.3.4.1.2' } as const;

/** unavailable: NCALayer not running or unreachable; cancelled: the user closed its dialog. */
export type NcaLayerFailure = 'unavailable' | 'cancelled' | 'refused';

export class NcaLayerError extends Error {
  constructor(
    readonly code: NcaLayerFailure,
    message: string,
  ) {
    super(message);
    this.name = 'NcaLayerError';
  }
}

export type NcaLayerSignRequest = {
  /** The exact bytes to sign (the frozen agreement PDF). */
  data: Uint8Array;
  /** Which certificates NCALayer offers: an individual's, or an organisation employee's. */
  signer: 'individual' | 'organisation';
  /** Offer only the party's own keys; the server checks the signer's IIN/BIN again regardless. */
  iin?: string;
  bin?: string;
  locale: 'kk' | 'ru' | 'en';
  /** Tests point this at a fake NCALayer; browsers always use NCALAYER_URL. */
  url?: string;
};

/** Base64 without building one huge string argument list (PDFs reach megabytes). */
export const toBase64 = (bytes: Uint8Array) => {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, Math.min(i + 0x8000, bytes.length)));
  return btoa(binary);
};

/** NCALayer answers "-----BEGIN CMS-----" PEM; the server takes the base64 of the DER. */
export const cmsBase64 = (answer: string) =>
  answer.replace(/-----(BEGIN|END) CMS-----/g, '').replace(/\s+/g, '');

const isCancellation = (error: unknown) =>
  typeof error === 'object' &&
  error !== null &&
  (error as { canceledByUser?: boolean }).canceledByUser === true;

/** Asks NCALayer for a detached CMS over `data`; resolves with its DER in base64. */
export const signWithNcaLayer = async (request: NcaLayerSignRequest): Promise<string> => {
  // The KAZTOKEN HTTP side channel stays off: every signature goes through the one protocol we test.
  const client = new NCALayerClient(request.url ?? NCALAYER_URL, false);
  try {
    await client.connect();
  } catch (error) {
    throw new NcaLayerError('unavailable', String(error));
  }
  try {
    const answer = await client.basicsSignCMS(
      NCALayerClient.basicsStorageAll,
      toBase64(request.data),
      { decode: true, encapsulate: false, digested: false, tsaProfile: {} },
      {
        extKeyUsageOids: [SIGNING_PURPOSE, SIGNER_POLICIES[request.signer]],
        ...(request.iin && { iin: request.iin }),
        ...(request.bin && { bin: request.bin }),
      },
      request.locale,
    );
    const cms = cmsBase64(answer);
    if (!cms) throw new NcaLayerError('refused', 'empty signature');
    return cms;
  } catch (error) {
    if (error instanceof NcaLayerError) throw error;
    if (isCancellation(error)) throw new NcaLayerError('cancelled', 'cancelled by the user');
    throw new NcaLayerError('refused', String(error));
  } finally {
    client.wsConnection?.close();
  }
};
