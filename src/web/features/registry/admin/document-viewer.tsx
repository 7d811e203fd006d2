import { useTranslation } from 'react-i18next';
import { documentUrl, type RegistryEntry } from '../../../api.ts';

type Document = RegistryEntry['documents'][number];

/** The chosen document itself: a PDF in a frame (the browser's viewer), an image inline. */
export const DocumentViewer = ({ document }: { document: Document }) => {
  const { t } = useTranslation();
  const url = documentUrl(document.id);
  const kind = t(`registry.documentKinds.${document.kind}`);
  return (
    <figure className="min-w-0">
      {document.contentType === 'application/pdf' ? (
        <iframe
          src={url}
          title={t('web.registry.admin.documentFrame', { kind, name: document.filename })}
          className="h-[70vh] min-h-96 w-full rounded-md border border-slate-400 bg-slate-100"
        />
      ) : (
        <img
          src={url}
          alt={t('web.registry.admin.documentImage', { kind, name: document.filename })}
          className="max-h-[70vh] w-full rounded-md border border-slate-400 bg-slate-100 object-contain"
        />
      )}
      <figcaption className="mt-2 text-slate-700 [overflow-wrap:anywhere]">
        {kind}: {document.filename} ·{' '}
        <a href={url} target="_blank" rel="noopener">
          {t('web.registry.admin.openDocument')}
        </a>
        <span className="mt-1 block text-sm">SHA-256 {document.sha256.slice(0, 16)}…</span>
      </figcaption>
    </figure>
  );
};
