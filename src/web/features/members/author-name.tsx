import { useTranslation } from 'react-i18next';
import { useMembers } from './use-members.ts';

type Author = {
  role: 'party' | 'mediator' | 'interpreter';
  partyId: string | null;
  userId: string | null;
  name: string;
};

/**
 * The name shown with a message in the room, with the author's place when they speak for
 * someone: "<name>, representative of <party>" or "<name> (interpreter)" (R-MED-15). The names
 * come from the case's members, so a message keeps its author's name after a change.
 */
export const AuthorName = ({ caseId, author }: { caseId: string; author: Author }) => {
  const { t } = useTranslation();
  const members = useMembers(caseId).data;
  const person = author.userId ? members?.people.find((p) => p.userId === author.userId) : undefined;
  if (person?.as === 'representative')
    return (
      <>
        {person.name} · {t('web.members.label.representative', { party: person.partyName ?? '' })}
      </>
    );
  if (author.role === 'interpreter')
    return (
      <>
        {person?.name ?? author.name} · {t('web.members.label.interpreter')}
      </>
    );
  return <>{author.name}</>;
};
