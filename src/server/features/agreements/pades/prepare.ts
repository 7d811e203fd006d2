// Preparing signer k's signature: an incremental update appended to the current file (the frozen
// agreement plus signatures 1..k-1) that adds a signature dictionary with a zero-filled /Contents
// placeholder, an invisible signature field on the first page, and the field in the form. Nothing
// in it depends on the clock: the same file and slot always give the same bytes, so the server
// can prepare again instead of storing the prepared file, and the signer's CMS still fits.
import { PadesError } from './errors.ts';
import { catalogOf, firstPage, formFields } from './form.ts';
import {
  arrayOf,
  ascii,
  concat,
  field,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFRef,
  serialize,
  textString,
  withEntries,
} from './objects.ts';
import { items, openPdf } from './reader.ts';
import { type NewObject, writeUpdate } from './update.ts';

export type SignatureSlot = { fieldName: string; signerName: string; reason: string; location?: string };

export type PreparedSignature = {
  /** The whole file with the update, /Contents still zeros. */
  prepared: Uint8Array;
  /** [0, a, b, length]: the signature covers bytes [0, a) and [b, length), all but `<…>` of /Contents. */
  byteRange: [number, number, number, number];
  /** What the signer signs (detached CMS): bytes [0, a) followed by [b, length). */
  signedContent: Uint8Array;
  /** Room for the CMS DER, in bytes (the placeholder holds twice as many hex digits). */
  placeholderBytes: number;
};

/** Room for a CMS with a certificate chain: NCA RK's RSA chains are about 5 KiB, GOST ones less. */
export const PLACEHOLDER_BYTES = 16_384;

/**
 * /adbe.pkcs7.detached, not /ETSI.CAdES.detached: PAdES (ETSI EN 319 142-1, B-B level) requires
 * the signing-certificate-v2 signed attribute and forbids the signing-time attribute (the time goes
 * into /M), while our CMS — the browser's signDetached and NCALayer's basics.sign alike — carries
 * signingTime and no ESS attribute. Labelling it CAdES would make conforming validators (EU DSS,
 * Acrobat) report a broken PAdES signature; as PKCS#7 detached it is exactly what it claims to be.
 */
export const SUB_FILTER = 'adbe.pkcs7.detached';

/** `[0 a b c]` padded to a fixed width, so the numbers can be filled in after the layout is known. */
const BYTE_RANGE_WIDTH = '[0 9999999999 9999999999 9999999999]'.length;

const checkSlot = (slot: SignatureSlot) => {
  const invalid = (detail: string) => new PadesError('field_invalid', detail);
  // A period separates the parts of a qualified field name (12.7.3.2): it cannot be in one part.
  if (!slot.fieldName || slot.fieldName.includes('.')) throw invalid('empty or with a period');
  if (slot.fieldName.length > 100) throw invalid('field name too long');
};

/** The signature dictionary, and where its /ByteRange and /Contents values sit in it. */
const signatureDictionary = (slot: SignatureSlot, placeholderBytes: number) => {
  const text = (value: string) => Buffer.from(serialize(textString(value))).toString('latin1');
  const head = [
    '<<',
    '/Type /Sig',
    '/Filter /Adobe.PPKLite',
    `/SubFilter /${SUB_FILTER}`,
    `/Name ${text(slot.signerName)}`,
    `/Reason ${text(slot.reason)}`,
    ...(slot.location ? [`/Location ${text(slot.location)}`] : []),
    '/ByteRange ',
  ].join('\n');
  const contents = `\n/Contents <${'0'.repeat(placeholderBytes * 2)}>\n>>`;
  const body = ascii(`${head}${' '.repeat(BYTE_RANGE_WIDTH)}${contents}`);
  return {
    body,
    byteRangeAt: head.length,
    contentsAt: head.length + BYTE_RANGE_WIDTH + '\n/Contents '.length,
  };
};

export const prepareSignature = (
  pdf: Uint8Array,
  slot: SignatureSlot,
  placeholderBytes = PLACEHOLDER_BYTES,
): PreparedSignature => {
  checkSlot(slot);
  const reader = openPdf(pdf);
  if (reader.trailerEntry('Encrypt') !== undefined)
    throw new PadesError('pdf_unreadable', 'encrypted documents are not signed here');
  const catalog = catalogOf(reader);
  const page = firstPage(reader, catalog.dict);
  const acroEntry = field(catalog.dict, 'AcroForm');
  const acroForm = reader.dict(acroEntry);
  const existing = formFields(reader, acroForm);
  if (existing.some((f) => f.fullName === slot.fieldName))
    throw new PadesError('field_exists', `a field named ${slot.fieldName} exists already`);

  const { context } = reader;
  let next = reader.size;
  const sigRef = PDFRef.of(next++);
  const widgetRef = PDFRef.of(next++);
  // The form becomes (or stays) an indirect object: the next signer then rewrites only it.
  const acroRef = acroEntry instanceof PDFRef ? acroEntry : PDFRef.of(next++);

  const signature = signatureDictionary(slot, placeholderBytes);
  const widget = PDFDict.withContext(context);
  widget.set(PDFName.of('Type'), PDFName.of('Annot'));
  widget.set(PDFName.of('Subtype'), PDFName.of('Widget'));
  widget.set(PDFName.of('FT'), PDFName.of('Sig'));
  widget.set(PDFName.of('Rect'), arrayOf(context, [0, 0, 0, 0].map(PDFNumber.of)));
  // Print (4) + Locked (128): invisible, and not to be moved or deleted by a viewer.
  widget.set(PDFName.of('F'), PDFNumber.of(132));
  widget.set(PDFName.of('T'), textString(slot.fieldName));
  widget.set(PDFName.of('V'), sigRef);
  widget.set(PDFName.of('P'), page.ref);

  const annots = [...items(reader, field(page.dict, 'Annots')), widgetRef];
  const fields = acroForm ? items(reader, field(acroForm, 'Fields')) : [];
  const form = withEntries(acroForm ?? PDFDict.withContext(context), context, {
    Fields: arrayOf(context, [...fields, widgetRef]),
    // SignaturesExist (1) + AppendOnly (2): viewers must save changes incrementally from now on.
    SigFlags: PDFNumber.of(3),
  });

  const objects: NewObject[] = [
    // The signature dictionary comes first: originalRevision finds the update's start by it.
    { num: sigRef.objectNumber, gen: 0, body: signature.body },
    { num: widgetRef.objectNumber, gen: 0, body: serialize(widget) },
    {
      num: page.ref.objectNumber,
      gen: reader.gen(page.ref),
      body: serialize(withEntries(page.dict, context, { Annots: arrayOf(context, annots) })),
    },
    { num: acroRef.objectNumber, gen: reader.gen(acroRef), body: serialize(form) },
  ];
  if (!(acroEntry instanceof PDFRef))
    objects.push({
      num: catalog.ref.objectNumber,
      gen: reader.gen(catalog.ref),
      body: serialize(withEntries(catalog.dict, context, { AcroForm: acroRef })),
    });

  const update = writeUpdate(reader, objects);
  const prepared = concat([pdf, update.bytes]);
  const sigAt = update.bodies.get(sigRef.objectNumber) as number;
  const a = sigAt + signature.contentsAt;
  const b = a + 2 + placeholderBytes * 2;
  const byteRange: PreparedSignature['byteRange'] = [0, a, b, prepared.length - b];
  prepared.set(ascii(`[${byteRange.join(' ')}]`.padEnd(BYTE_RANGE_WIDTH)), sigAt + signature.byteRangeAt);
  return {
    prepared,
    byteRange,
    signedContent: concat([prepared.subarray(0, a), prepared.subarray(b)]),
    placeholderBytes,
  };
};
