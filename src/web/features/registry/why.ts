import type { Factor } from '../../../core/registry/matching.ts';
import type { MatchParams, MatchSuggestion } from '../../api.ts';
import { useRegistryText } from './text.ts';

/** A share of the score (0..1) as points out of 100, to one decimal. */
export const points = (share: number) => Math.round(share * 1000) / 10;

/** One factor of one suggestion, in words (web.registry.matching.why.*). */
export const useWhy = () => {
  const text = useRegistryText();
  const { t } = text;
  return (factor: Factor, value: number, suggestion: MatchSuggestion, needs: MatchParams) => {
    const { record } = suggestion;
    switch (factor) {
      case 'specialisation':
        return t(`web.registry.matching.why.specialisation.${value > 0 ? 'yes' : 'no'}`, {
          category: text.category(needs.category),
        });
      case 'region':
        return t(`web.registry.matching.why.region.${value > 0 ? 'yes' : 'no'}`, {
          region: text.region(needs.region),
        });
      case 'availability':
        return t('web.registry.matching.why.availability', { share: text.percent(value) });
      case 'experience':
        return record.completedCases === 0
          ? t('web.registry.matching.why.experienceNone')
          : t('web.registry.matching.why.experience', { count: record.completedCases });
      case 'settlement':
        return record.settlementRate === null
          ? t('web.registry.matching.why.settlementUnknown')
          : t('web.registry.matching.why.settlement', { share: text.percent(record.settlementRate) });
      case 'rating':
        return record.rating === null
          ? t('web.registry.matching.why.ratingUnknown')
          : t('web.registry.matching.why.rating', {
              rating: text.number(record.rating),
              count: record.ratingCount,
            });
      case 'complaints':
        return value === 0
          ? t('web.registry.matching.why.complaintsNone')
          : t('web.registry.matching.why.complaints', { count: value });
    }
  };
};
