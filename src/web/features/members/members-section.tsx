import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../cases-api.ts';
import { Alert } from '../../ui/alert.tsx';
import { QueryError } from '../../ui/form.tsx';
import { Loading } from '../../ui/loading.tsx';
import { CaseSection } from '../case/section.tsx';
import { Interpreters } from './interpreters.tsx';
import { RepresentativeForm } from './representative-form.tsx';
import { useMembers } from './use-members.ts';

/**
 * Representatives and interpreters on the case page (R-MED-15): the party manages its own
 * representative, the mediator the interpreters; a representative and an interpreter are told
 * what they may do here. Not for the court, nor for a draft (its form names the representative).
 */
export const MembersSection = ({ view }: { view: CaseView }) => {
  const { t } = useTranslation();
  const shown = view.viewer.role !== 'court' && view.status !== 'draft';
  const query = useMembers(view.id, shown);
  if (!shown) return null;
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryError error={query.error} />;
  const members = query.data;
  const { viewer } = view;
  const party = view.parties.find((p) => p.id === viewer.partyId);
  const isRepresentative = viewer.role === 'party' && viewer.via === 'representative';
  const isPartyItself = viewer.role === 'party' && !isRepresentative;
  const hasInterpreters = members.interpreters.some((i) => i.active) || members.canAddInterpreter;
  if (
    !isPartyItself &&
    !isRepresentative &&
    viewer.role !== 'interpreter' &&
    !hasInterpreters &&
    viewer.role !== 'mediator'
  )
    return null;
  return (
    <CaseSection id="members" title={t('web.members.title')}>
      <p className="mb-4 text-slate-700">{t('web.members.intro')}</p>
      {isRepresentative && (
        <Alert
          tone="info"
          className="mb-4"
          title={t('web.members.representative.youRepresent', { party: party?.fullName ?? '' })}
        />
      )}
      {viewer.role === 'interpreter' && (
        <Alert tone="info" className="mb-4" title={t('web.members.interpreter.youInterpret')} />
      )}
      {isPartyItself && viewer.partyId && members.canManageRepresentative && (
        <RepresentativeForm caseId={view.id} partyId={viewer.partyId} members={members} />
      )}
      {(hasInterpreters || viewer.role === 'mediator') && <Interpreters caseId={view.id} members={members} />}
    </CaseSection>
  );
};
