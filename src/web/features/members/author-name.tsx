import { useTranslation } from 'react-i18next';
import type { MessageView } from '../../../contracts/room.ts';

/**
 * The name shown with a message in the room, with the author's place when they are not a party
 * speaking for itself: "<name> · representative of <party>" or "<name> · interpreter" (R-MED-15).
 * The server names the author as they were when they wrote (contracts/room.ts).
 */
export const AuthorName = ({ author }: { author: MessageView['author'] }) => {
  const { t } = useTranslation();
  if (author.onBehalfOf)
    return (
      <>
        {author.name} · {t('web.members.label.representative', { party: author.onBehalfOf })}
      </>
    );
  if (author.role === 'interpreter')
    return (
      <>
        {author.name} · {t('web.members.label.interpreter')}
      </>
    );
  return <>{author.name}</>;
};
