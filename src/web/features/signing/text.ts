import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../core/identity/roles.ts';
import { currentLocale, formatDate, formatDateTime } from '../../i18n.ts';
import { formatTiyn, isRefusalReason, type Refund, refundParams } from './model.ts';

/** Words, dates and sums of the signing, filing and verification screens in the reader's language. */
export const useSigningText = () => {
  const { t, i18n } = useTranslation();
  const locale: Locale = i18n.language ? currentLocale() : 'kk';
  return {
    t,
    locale,
    dateTime: (iso: string) => formatDateTime(iso, locale),
    /** A calendar date (YYYY-MM-DD, e.g. a ruling's) or a moment, as a long date. */
    date: (value: string) =>
      formatDate(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value, locale),
    money: (tiyn: number) => formatTiyn(tiyn, locale),
    refund: (refund: Refund) => t('web.signing.refund.text', refundParams(refund, locale)),
    category: (code: string) => t(`registry.categories.${code}`),
    /** Why a signature is not valid: a known reason in words, anything else as the server said it. */
    reason: (reason: string) =>
      isRefusalReason(reason) || i18n.exists(`web.signing.reasons.${reason}`)
        ? t(`web.signing.reasons.${reason}`)
        : reason,
  };
};

export type SigningText = ReturnType<typeof useSigningText>;
