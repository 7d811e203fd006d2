import { LAW_RULES, type RuleId } from '../law/index.ts';
import type { LawRule } from '../law/types.ts';

// The Singapore Convention rules (DOMAIN.md §3, R-SG-01..04) as data, in the shape of the law tables
// in core/law. They live here because only the agreement builder cites them so far; when another
// feature needs them, move this table to core/law/ and spread it into LAW_RULES.
const CONVENTION =
  'United Nations Convention on International Settlement Agreements Resulting from Mediation (Singapore, 2018), ratified by the Law of the Republic of Kazakhstan';
const IN_FORCE_KZ = '2022-11-23';

export const SINGAPORE_CONVENTION = {
  'R-SG-01': {
    id: 'R-SG-01',
    text: {
      kk: 'Қазақстанның ескертпесі бойынша Конвенция мемлекет немесе мемлекеттік орган тарап болып табылатын келісімдерге қолданылмайды және тараптар оны қолдануға келіскен жағдайда ғана қолданылады. Сондықтан ол халықаралық коммерциялық келісімге тараптардың таңдауымен ғана енгізіледі және тараптардың бірі мемлекеттік орган болса, енгізілмейді.',
      ru: 'По оговорке Казахстана Конвенция не применяется к соглашениям, стороной которых является государство или государственный орган, и применяется, только если стороны согласились на её применение. Поэтому она включается в международное коммерческое соглашение только по выбору сторон и не включается, если одна из сторон — государственный орган.',
      en: 'Under Kazakhstan’s reservations the Convention does not apply to settlements to which the state or a government agency is a party, and applies only where the parties agreed to it. It is therefore an opt-in clause for international commercial settlements, unavailable when a state body is a party.',
    },
    source: `${CONVENTION}, Art. 8(1)(a) and 8(1)(b) reservations`,
    confidence: 'H',
    validFrom: IN_FORCE_KZ,
  },
  'R-SG-02': {
    id: 'R-SG-02',
    text: {
      kk: 'Келісімге сүйену үшін тараптар қол қойған келісім және медиацияның өткенінің дәлелі (медиатордың қолы немесе медиацияны ұйымдастырған мекеменің растауы) ұсынылады.',
      ru: 'Чтобы сослаться на соглашение, представляются подписанное сторонами соглашение и доказательство проведения медиации (подпись медиатора или подтверждение учреждения, администрировавшего медиацию).',
      en: 'To rely on a settlement, a party supplies the settlement signed by the parties and evidence that it resulted from mediation (the mediator’s signature, or an attestation by the institution that administered the mediation).',
    },
    source: `${CONVENTION}, Art. 4(1)`,
    confidence: 'M',
    validFrom: IN_FORCE_KZ,
  },
  'R-SG-03': {
    id: 'R-SG-03',
    text: {
      kk: 'Электрондық хабарлама жазбаша нысан талабын қанағаттандырады; электрондық қолтаңба қол қоюшыны анықтап, оның ниетін сенімді әдіспен көрсетсе, жеткілікті.',
      ru: 'Электронное сообщение удовлетворяет требованию письменной формы; электронной подписи достаточно, если она надёжным способом идентифицирует подписавшего и выражает его намерение.',
      en: 'An electronic communication satisfies the requirement of writing; an electronic signature suffices if it identifies the signer and shows their intent by a reliable method.',
    },
    source: `${CONVENTION}, Art. 4(2)`,
    confidence: 'M',
    validFrom: IN_FORCE_KZ,
  },
  'R-SG-04': {
    id: 'R-SG-04',
    text: {
      kk: 'Конвенция тұтынушылық, отбасылық, мұрагерлік және еңбек дауларын реттеу туралы келісімдерге, сондай-ақ сот бекіткен немесе арбитраждық шешім ретінде ресімделген келісімдерге қолданылмайды.',
      ru: 'Конвенция не применяется к соглашениям по потребительским, семейным, наследственным и трудовым спорам, а также к соглашениям, утверждённым судом или оформленным как арбитражное решение.',
      en: 'The Convention does not apply to consumer, family, inheritance or employment settlements, nor to settlements approved by a court or recorded as an arbitral award.',
    },
    source: `${CONVENTION}, Art. 1(2) and 1(3)`,
    confidence: 'M',
    validFrom: IN_FORCE_KZ,
  },
} as const satisfies Record<string, LawRule>;

export type SingaporeRuleId = keyof typeof SINGAPORE_CONVENTION;

/** Every rule an agreement problem can cite. */
export type AgreementRuleId = RuleId | SingaporeRuleId;

const isSingaporeRule = (id: string): id is SingaporeRuleId => Object.hasOwn(SINGAPORE_CONVENTION, id);

/** The rule behind a problem, from the law tables or the Convention table above. */
export const agreementRule = (id: AgreementRuleId): LawRule =>
  isSingaporeRule(id) ? SINGAPORE_CONVENTION[id] : LAW_RULES[id];
