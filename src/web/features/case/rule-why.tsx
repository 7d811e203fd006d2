import { useCaseText } from './text.ts';

type RuleWhyProps = {
  rule: string;
  className?: string;
  /** "R-MED-11: …" instead of "Why (R-MED-11): …" — for a list of the rules a document follows. */
  plain?: boolean;
  /** Only the rule id, where the law's words are already on screen nearby. */
  short?: boolean;
};

/**
 * The rule behind a step, as a short "why": the rule id, and the law's words when core/law has
 * them. Text-first: no icon, no tooltip to hover.
 */
export const RuleWhy = ({ rule, className = '', plain = false, short = false }: RuleWhyProps) => {
  const { t, law } = useCaseText();
  const words = short ? null : law(rule);
  return (
    <p className={`text-sm text-slate-700 ${className}`}>
      {words ? (
        <>
          <span className="font-semibold">{plain ? `${rule}:` : t('web.case.why', { rule })}</span> {words}
        </>
      ) : (
        t('web.case.ruleOnly', { rule })
      )}
    </p>
  );
};
