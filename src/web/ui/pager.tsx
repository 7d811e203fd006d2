import { useTranslation } from 'react-i18next';
import { Button } from './button.tsx';

type PagerProps = {
  /** Message keys: the navigation's accessible name, and "{from}–{to} of {total}". */
  label: string;
  rangeLabel: string;
  offset: number;
  pageSize: number;
  total: number;
  onChange: (offset: number) => void;
};

/** Previous / next through a long list; shown only when there is more than one page. */
export const Pager = ({ label, rangeLabel, offset, pageSize, total, onChange }: PagerProps) => {
  const { t } = useTranslation();
  if (total <= pageSize) return null;
  return (
    <nav aria-label={t(label)} className="mt-4 flex flex-wrap items-center gap-3">
      <Button
        variant="secondary"
        disabled={offset === 0}
        onClick={() => onChange(Math.max(0, offset - pageSize))}
      >
        {t('web.common.previous')}
      </Button>
      <span>{t(rangeLabel, { from: offset + 1, to: Math.min(offset + pageSize, total), total })}</span>
      <Button
        variant="secondary"
        disabled={offset + pageSize >= total}
        onClick={() => onChange(offset + pageSize)}
      >
        {t('web.common.next')}
      </Button>
    </nav>
  );
};
