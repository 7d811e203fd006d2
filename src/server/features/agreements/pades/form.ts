// The document structure a signature touches: the catalog, the first page (the invisible widget
// goes into its /Annots), and the interactive form's fields (field names must stay unique, and
// the signatures are found through them).
import type { PDFDict } from 'pdf-lib';
import { PadesError } from './errors.ts';
import { decodeText, field, name, PDFRef } from './objects.ts';
import { items, type PdfReader } from './reader.ts';

const MAX_DEPTH = 32;
const MAX_FIELDS = 10_000;

export const catalogOf = (reader: PdfReader) => {
  const ref = reader.trailerEntry('Root');
  const dict = reader.dict(ref);
  if (!(ref instanceof PDFRef) || !dict) throw new PadesError('pdf_unreadable', 'no document catalog');
  return { ref, dict };
};

/** The first leaf of the page tree, by reference: the widget's /P and the page we rewrite. */
export const firstPage = (reader: PdfReader, catalog: PDFDict) => {
  let ref = field(catalog, 'Pages');
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const node = reader.dict(ref);
    if (!(ref instanceof PDFRef) || !node) break;
    const kids = field(node, 'Kids');
    if (name(field(node, 'Type')) === 'Page' || kids === undefined) return { ref, dict: node };
    ref = items(reader, kids)[0];
  }
  throw new PadesError('pdf_unreadable', 'no page');
};

export type FormField = { fullName: string; ref: PDFRef; dict: PDFDict; type: string | null };

/**
 * Every field of the form with its fully qualified name (parent names joined by periods, 12.7.3.2)
 * and its field type, inherited from the parents when the field itself has none.
 */
export const formFields = (reader: PdfReader, acroForm: PDFDict | undefined): FormField[] => {
  const out: FormField[] = [];
  const seen = new Set<number>();
  const walk = (refs: unknown[], parent: string | null, inheritedType: string | null, depth: number) => {
    if (depth > MAX_DEPTH) throw new PadesError('pdf_unreadable', 'form fields nested too deep');
    for (const ref of refs) {
      if (!(ref instanceof PDFRef) || seen.has(ref.objectNumber)) continue;
      if (seen.size >= MAX_FIELDS) throw new PadesError('pdf_unreadable', 'too many form fields');
      seen.add(ref.objectNumber);
      const dict = reader.dict(ref);
      if (!dict) continue;
      const partial = decodeText(field(dict, 'T'));
      const type = name(field(dict, 'FT')) ?? inheritedType;
      // A kid without /T is a widget of its parent field, not a field of its own.
      if (partial === null && parent !== null) continue;
      const fullName = parent === null ? (partial ?? '') : `${parent}.${partial}`;
      out.push({ fullName, ref, dict, type });
      walk(items(reader, field(dict, 'Kids')), fullName, type, depth + 1);
    }
  };
  if (acroForm) walk(items(reader, field(acroForm, 'Fields')), null, null, 0);
  return out;
};
