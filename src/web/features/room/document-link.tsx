import { useTranslation } from 'react-i18next';
import { roomDocumentUrl } from './documents-api.ts';

type DocumentLinkProps = { caseId: string; documentId: string; name: string };

/**
 * A document posted in a room: its name opens it in a new tab (the server shows PDF and images,
 * and hands anything else over as a download), and a second link always downloads it. Plain
 * links, no script: they work on the slowest phone, and the server decides who may read.
 */
export const DocumentLink = ({ caseId, documentId, name }: DocumentLinkProps) => {
  const { t } = useTranslation();
  return (
    <span className="inline-flex flex-wrap items-center gap-x-3">
      <a
        href={roomDocumentUrl(caseId, documentId)}
        target="_blank"
        rel="noopener"
        className="inline-flex min-h-11 items-center gap-1 break-all font-semibold"
      >
        <span aria-hidden="true">📄</span>
        <span>
          {name}
          <span className="sr-only"> {t('web.room.documents.newTab')}</span>
        </span>
      </a>
      <a
        href={roomDocumentUrl(caseId, documentId, true)}
        download={name}
        aria-label={t('web.room.documents.downloadName', { name })}
        className="inline-flex min-h-11 items-center"
      >
        {t('web.room.documents.download')}
      </a>
    </span>
  );
};
