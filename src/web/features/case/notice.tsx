import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { Alert } from '../../ui/alert.tsx';

/** What was done, and the status it left the case in: once the case moves on, it is old news. */
type Notice = { text: string; status: string; version: number } | null;
type CasePageActions = {
  /** Says what the last action did; `status` is the case's status after it. */
  announce: (text: string, status: string) => void;
  /** The viewer is no longer part of the case (a mediator who declined): the page says so and stops. */
  release: (text: string) => void;
};

const CasePageContext = createContext<CasePageActions>({ announce: () => {}, release: () => {} });

type ProviderProps = {
  /** The case's status now: a notice from before the case moved on is no longer shown. */
  status: string;
  onRelease: (text: string) => void;
  children: (notice: ReactNode) => ReactNode;
};

/**
 * What the last action did ("Your choice is recorded"), announced politely and given focus: the
 * section the person acted in may disappear when the case moves on, and focus must not be lost.
 */
export const CaseNoticeProvider = ({ status, onRelease, children }: ProviderProps) => {
  const [notice, setNotice] = useState<Notice>(null);
  const ref = useRef<HTMLDivElement>(null);
  const announce = useCallback(
    (text: string, after: string) =>
      setNotice((previous) => ({ text, status: after, version: (previous?.version ?? 0) + 1 })),
    [],
  );
  useEffect(() => {
    if (notice) ref.current?.focus();
  }, [notice]);
  const banner =
    notice && notice.status === status ? (
      <Alert ref={ref} tone="success" title={notice.text} className="mb-6" key={notice.version} />
    ) : null;
  return (
    <CasePageContext.Provider value={{ announce, release: onRelease }}>
      {children(banner)}
    </CasePageContext.Provider>
  );
};

export const useCasePageActions = () => useContext(CasePageContext);
