import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../core/util/canonical-json.ts';
import type { Attestor } from '../../platform/signatures/attestation.ts';
import { writeZip, type ZipEntry } from '../../platform/zip.ts';

// The evidence package (R-SG-02): what a party hands a court, a bank or a foreign enforcing
// authority to rely on the settlement — the signed PDF, each signature as its signer's software
// made it, and the platform's signed statement that the agreement came out of a mediation it
// administered. Everything in it can be checked offline with OpenSSL (README.txt says how); the
// PDF is not copied per signature, the manifest says which bytes of it each signature covers.
// Pure apart from the attestor's signature; the same input gives the same entries.

export const EVIDENCE_FORMAT = 'kelisim.evidence/1';
export const ATTESTATION_FORMAT = 'kelisim.attestation/1';
export const PDF_NAME = 'agreement-signed.pdf';

/** PDF /ByteRange: bytes [0, a) and [b, b + tail) of the signed PDF. */
export type ByteRange = [number, number, number, number];

export type EvidenceSignature = {
  position: number;
  role: 'mediator' | 'party';
  name: string;
  method: 'ncalayer' | 'platform';
  kind: 'qualified' | 'simple';
  signingTime: Date | null;
  /** The detached CMS exactly as stored. */
  cms: Uint8Array;
  /** What the CMS signs: the byte range of the signed PDF (pades readEmbeddedSignatures gives both). */
  signedContent: Uint8Array;
  byteRange: ByteRange;
};

export type EvidenceInput = {
  caseNumber: string;
  agreementHash: string;
  frozenAt: Date;
  publicUrl: string;
  /** The frozen PDF: the first `length` bytes of signedPdf (signatures are incremental updates). */
  originalPdf: { sha256: string; length: number };
  /** The PDF with every signature embedded (PAdES revisions). */
  signedPdf: Uint8Array;
  mediator: { name: string; registryNumber: string; organisation: string };
  parties: Array<{ name: string; iin?: string; bin?: string }>;
  signatures: EvidenceSignature[];
  issuedAt: Date;
};

export type ManifestFile = { name: string; size: number; sha256: string };

export type EvidenceManifest = {
  format: typeof EVIDENCE_FORMAT;
  caseNumber: string;
  agreementHash: string;
  issuedAt: string;
  /** Every entry of the ZIP but manifest.json itself, in archive order. */
  files: ManifestFile[];
  signatures: Array<{
    file: string;
    position: number;
    role: 'mediator' | 'party';
    byteRange: ByteRange;
    signedLength: number;
    signedSha256: string;
  }>;
};

type Language = 'kk' | 'ru' | 'en';
type Localized = Record<Language, string>;

/** A JSON document the platform states and signs, shipped as `name` and `name.cms`. */
export type AttestedDocument = { name: string; value: unknown; describe: Localized };

export type BuiltPackage = { zip: Uint8Array; sha256: string; manifest: EvidenceManifest };

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const utf8 = (text: string) => new TextEncoder().encode(text);
const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

export const signatureFile = (s: Pick<EvidenceSignature, 'position' | 'role'>) =>
  `signatures/${s.position}-${s.role}.cms`;

/** The bytes a byte range names; throws when it does not lie inside the PDF. */
export const byteRangeContent = (pdf: Uint8Array, [start, a, b, tail]: ByteRange) => {
  if (start !== 0 || a < 0 || b < a || tail < 0 || b + tail > pdf.length)
    throw new Error('evidence: byte range outside the PDF');
  return Buffer.concat([pdf.subarray(0, a), pdf.subarray(b, b + tail)]);
};

/**
 * The package must say only true things: each signature covers exactly the bytes the manifest
 * names, and the signed PDF starts with the frozen one. A mismatch is a bug in the caller.
 */
const checkConsistency = (input: EvidenceInput) => {
  const { signedPdf, originalPdf } = input;
  if (
    originalPdf.length > signedPdf.length ||
    sha256(signedPdf.subarray(0, originalPdf.length)) !== originalPdf.sha256
  )
    throw new Error('evidence: the signed PDF does not start with the frozen PDF');
  const positions = new Set<number>();
  for (const s of input.signatures) {
    if (positions.has(s.position)) throw new Error(`evidence: two signatures at position ${s.position}`);
    positions.add(s.position);
    if (!sameBytes(byteRangeContent(signedPdf, s.byteRange), s.signedContent))
      throw new Error(`evidence: signature ${s.position} does not cover its byte range`);
  }
};

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export const verifyUrl = (input: Pick<EvidenceInput, 'publicUrl' | 'agreementHash'>) =>
  `${input.publicUrl.replace(/\/$/, '')}/verify/${input.agreementHash}`;

const statementOf = (input: EvidenceInput): Localized => {
  const { caseNumber: n, agreementHash: h, publicUrl: url, mediator: m } = input;
  return {
    kk: `Kelisim онлайн медиация платформасы (${url}) № ${n} іс бойынша ${h} хэшті келісім платформада әкімшілік етілген медиация нәтижесінде жасалғанын растайды: медиатор — ${m.name} (тізілімдегі нөмірі ${m.registryNumber}, ${m.organisation}). Келісімге төменде аталған тұлғалар көрсетілген уақытта қол қойды.`,
    ru: `Платформа онлайн-медиации Kelisim (${url}) удостоверяет, что соглашение с хэшем ${h} по делу № ${n} достигнуто в результате медиации, администрируемой платформой; медиатор — ${m.name} (номер в реестре ${m.registryNumber}, ${m.organisation}). Соглашение подписано перечисленными ниже лицами в указанное время.`,
    en: `Kelisim, the online mediation platform (${url}), attests that the agreement with hash ${h} in case No. ${n} resulted from a mediation administered on the platform, conducted by mediator ${m.name} (registry number ${m.registryNumber}, ${m.organisation}), and was signed by the persons listed below at the times stated.`,
  };
};

/** attestation.json: the platform's statement (R-SG-02), with every fact it rests on. */
const attestationOf = (input: EvidenceInput) => ({
  format: ATTESTATION_FORMAT,
  statement: statementOf(input),
  caseNumber: input.caseNumber,
  agreementHash: input.agreementHash,
  frozenAt: iso(input.frozenAt),
  pdf: {
    original: { sha256: input.originalPdf.sha256, length: input.originalPdf.length },
    signed: { file: PDF_NAME, sha256: sha256(input.signedPdf), length: input.signedPdf.length },
  },
  mediator: input.mediator,
  parties: input.parties,
  signers: input.signatures.map((s) => ({
    position: s.position,
    role: s.role,
    name: s.name,
    method: s.method,
    kind: s.kind,
    signingTime: iso(s.signingTime),
    file: signatureFile(s),
    cmsSha256: sha256(s.cms),
  })),
  issuedAt: iso(input.issuedAt),
  verifyUrl: verifyUrl(input),
});

const DESCRIBE: Record<string, Localized> = {
  [PDF_NAME]: {
    kk: 'барлық қолтаңбалар енгізілген келісім (PAdES): кез келген PDF бағдарламасы оларды көрсетеді',
    ru: 'соглашение со всеми встроенными подписями (PAdES): их показывает любая программа для PDF',
    en: 'the agreement with every signature embedded (PAdES): any PDF reader shows them',
  },
  signatures: {
    kk: 'әр қолтаңба қол қоюшының бағдарламасы жасаған күйінде (бөлек CMS, DER); PDF-тің қай байттарына қойылғаны manifest.json-да',
    ru: 'каждая подпись в том виде, в каком её создала программа подписанта (отделённая CMS, DER); какие байты PDF она покрывает — в manifest.json',
    en: "each signature as its signer's software made it (detached CMS, DER); manifest.json says which bytes of the PDF it covers",
  },
  'attestation.json': {
    kk: 'платформаның мәлімдемесі: келісім Kelisim-де әкімшілік етілген медиация нәтижесінде жасалды',
    ru: 'заявление платформы: соглашение достигнуто в результате медиации, администрируемой на Kelisim',
    en: 'the platform’s statement that the agreement resulted from a mediation administered on Kelisim',
  },
  'platform-ca.pem': {
    kk: 'Kelisim куәландырушы орталығының сертификаты (платформа мен қарапайым қолтаңбаларды тексеру үшін)',
    ru: 'сертификат удостоверяющего центра Kelisim (для проверки платформы и простых подписей)',
    en: 'the Kelisim certificate authority (to check the platform and simple signatures)',
  },
  'README.txt': {
    kk: 'осы файл',
    ru: 'этот файл',
    en: 'this file',
  },
  'manifest.json': {
    kk: 'әр файлдың өлшемі мен SHA-256 хэші',
    ru: 'размер и SHA-256 каждого файла',
    en: 'size and SHA-256 of every file',
  },
};
const SIGNED_BY_PLATFORM: Localized = {
  kk: 'платформаның қолтаңбасы',
  ru: 'подпись платформы',
  en: 'the platform’s signature',
};
const HEADINGS: Record<Language, { title: string; check: string; qualified: string }> = {
  kk: {
    title: 'Kelisim — медиациялық келісімнің дәлелдер пакеті',
    check: 'Тексеру (OpenSSL 3) — төмендегі командаларды қараңыз; онлайн',
    qualified:
      'ЭЦҚ (qualified) үшін ҰКО (pki.gov.kz) түбірлік және аралық сертификаттарын nca-rk.pem файлына сақтаңыз.',
  },
  ru: {
    title: 'Kelisim — пакет доказательств медиативного соглашения',
    check: 'Проверка (OpenSSL 3) — команды ниже; онлайн',
    qualified:
      'Для ЭЦП (qualified) сохраните корневой и промежуточный сертификаты НУЦ РК (pki.gov.kz) в файл nca-rk.pem.',
  },
  en: {
    title: 'Kelisim — evidence package of a mediated settlement agreement',
    check: 'How to check (OpenSSL 3) — commands below; online',
    qualified:
      'For a qualified EDS save the NCA RK root and intermediate certificates (pki.gov.kz) as nca-rk.pem.',
  },
};

const verifyCommand = (cms: string, content: string, trust = '-CAfile platform-ca.pem') =>
  `openssl cms -verify -binary -inform DER -in ${cms} -content ${content} ${trust} -purpose any -out /dev/null`;

const readmeOf = (input: EvidenceInput, attested: AttestedDocument[], names: string[]) => {
  const describe = (name: string, lang: Language) =>
    name.startsWith('signatures/')
      ? DESCRIBE.signatures?.[lang]
      : name.endsWith('.cms')
        ? `${SIGNED_BY_PLATFORM[lang]}: ${name.slice(0, -4)}`
        : (attested.find((a) => a.name === name)?.describe ?? DESCRIBE[name])?.[lang];
  const sections = (['kk', 'ru', 'en'] as const).map((lang) =>
    [
      HEADINGS[lang].title,
      `${input.caseNumber} · ${input.agreementHash} · ${iso(input.issuedAt)}`,
      '',
      ...names.map((name) => `  ${name}\n      ${describe(name, lang)}`),
      '',
      `${HEADINGS[lang].check}: ${verifyUrl(input)}`,
      HEADINGS[lang].qualified,
    ].join('\n'),
  );
  const commands = [
    '# 1. SHA-256 = manifest.json',
    `sha256sum ${names.filter((n) => n !== 'manifest.json').join(' ')}`,
    `head -c ${input.originalPdf.length} ${PDF_NAME} | sha256sum   # ${input.originalPdf.sha256}`,
    '# 2. Kelisim',
    ...['attestation.json', ...attested.map((a) => a.name)].map((name) => verifyCommand(`${name}.cms`, name)),
    '# 3. signatures',
    ...input.signatures.flatMap((s) => {
      const [, a, b, tail] = s.byteRange;
      const part = `signed-${s.position}.bin`;
      return [
        `# ${s.position} ${s.role} ${s.name} (${s.kind})`,
        `head -c ${a} ${PDF_NAME} > ${part}`,
        `head -c ${b + tail} ${PDF_NAME} | tail -c ${tail} >> ${part}`,
        verifyCommand(signatureFile(s), part, s.kind === 'qualified' ? '-CAfile nca-rk.pem' : undefined),
      ];
    }),
  ];
  return `${sections.join('\n\n')}\n\n${commands.join('\n')}\n`;
};

/**
 * The package: the evidence entries, then any further documents the platform attests (a court
 * filing adds filing.json), README.txt and manifest.json last.
 */
export const buildAttestedPackage = async (
  given: EvidenceInput,
  attestor: Pick<Attestor, 'attest' | 'caCertificatePem'>,
  attested: AttestedDocument[] = [],
): Promise<BuiltPackage> => {
  checkConsistency(given);
  // Signing order everywhere: the archive, the attestation, the manifest, the README.
  const input = { ...given, signatures: [...given.signatures].sort((a, b) => a.position - b.position) };
  const documents = [{ name: 'attestation.json', value: attestationOf(input) }, ...attested];
  const entries: ZipEntry[] = [{ name: PDF_NAME, content: input.signedPdf }];
  for (const s of input.signatures) entries.push({ name: signatureFile(s), content: s.cms });
  for (const document of documents) {
    const bytes = utf8(canonicalJson(document.value));
    entries.push(
      { name: document.name, content: bytes },
      { name: `${document.name}.cms`, content: await attestor.attest(bytes) },
    );
  }
  entries.push({ name: 'platform-ca.pem', content: attestor.caCertificatePem });
  const names = [...entries.map((e) => e.name), 'README.txt', 'manifest.json'];
  entries.push({ name: 'README.txt', content: readmeOf(input, attested, names) });
  const manifest: EvidenceManifest = {
    format: EVIDENCE_FORMAT,
    caseNumber: input.caseNumber,
    agreementHash: input.agreementHash,
    issuedAt: input.issuedAt.toISOString(),
    files: entries.map(({ name, content }) => {
      const bytes = typeof content === 'string' ? utf8(content) : content;
      return { name, size: bytes.length, sha256: sha256(bytes) };
    }),
    signatures: input.signatures.map((s) => ({
      file: signatureFile(s),
      position: s.position,
      role: s.role,
      byteRange: s.byteRange,
      signedLength: s.signedContent.length,
      signedSha256: sha256(s.signedContent),
    })),
  };
  entries.push({ name: 'manifest.json', content: canonicalJson(manifest) });
  const zip = writeZip(entries, input.issuedAt);
  return { zip, sha256: sha256(zip), manifest };
};

/** The evidence package of a signed agreement (R-SG-02). */
export const buildEvidencePackage = (
  input: EvidenceInput,
  attestor: Pick<Attestor, 'attest' | 'caCertificatePem'>,
) => buildAttestedPackage(input, attestor);
