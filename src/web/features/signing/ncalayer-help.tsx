import { useSigningText } from './text.ts';

/** NCA RK's download page for NCALayer (the only place to get it). */
export const NCALAYER_DOWNLOAD_URL = 'https://pki.gov.kz/ncalayer/';

/** What to do when NCALayer does not answer: start it, or install it, or sign another way. */
export const NcaLayerHelp = () => {
  const { t } = useSigningText();
  return (
    <div className="mt-2">
      <p className="font-semibold">{t('web.signing.install.title')}</p>
      <ol className="mt-1 list-decimal space-y-1 pl-5">
        <li>{t('web.signing.install.running')}</li>
        <li>
          {t('web.signing.install.install')}{' '}
          <a href={NCALAYER_DOWNLOAD_URL} target="_blank" rel="noreferrer" className="font-semibold">
            {t('web.signing.install.link')}
          </a>
        </li>
      </ol>
      <p className="mt-1">{t('web.signing.install.phone')}</p>
    </div>
  );
};
