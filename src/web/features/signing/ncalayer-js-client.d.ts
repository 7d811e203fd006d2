// Types for the parts of ncalayer-js-client (sigex-kz, MIT, a UMD/CommonJS file without types)
// that Kelisim uses. The package exports one object: { NCALayerClient }.
declare module 'ncalayer-js-client' {
  export type NcaLayerSigningParams = {
    decode?: boolean;
    encapsulate?: boolean;
    digested?: boolean;
    tsaProfile?: Record<string, unknown>;
  };
  export type NcaLayerSignerParams = {
    extKeyUsageOids: string[];
    iin?: string;
    bin?: string;
    chain?: string[];
  };

  export class NCALayerClient {
    constructor(url?: string, allowKmdHttpApi?: boolean);
    wsConnection: WebSocket | null;
    /** Resolves with NCALayer's version. */
    connect(): Promise<string>;
    basicsSignCMS(
      allowedStorages: string[] | null,
      data: string | string[],
      signingParams: NcaLayerSigningParams,
      signerParams: NcaLayerSignerParams,
      locale?: string,
    ): Promise<string>;
    static readonly basicsStorageAll: null;
    static readonly basicsCMSParamsDetached: NcaLayerSigningParams;
  }

  const ncalayer: { NCALayerClient: typeof NCALayerClient };
  export default ncalayer;
}
