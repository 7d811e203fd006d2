import type { LawRule } from './types.ts';

// Law of the Republic of Kazakhstan "On Mediation" No. 401-IV of 28 January 2011, as amended.
// Only the rules the code uses so far; ids and confidence from DOMAIN.md §3.
const LAW = 'Law "On Mediation" No. 401-IV of 28.01.2011';

export const MEDIATION_LAW = {
  'R-MED-06': {
    id: 'R-MED-06',
    text: {
      kk: 'Медиатор тәуелсіз және бейтарап болуы тиіс; бейтараптығына кедергі болса, ол істен бас тартуы керек.',
      ru: 'Медиатор независим и беспристрастен; если беспристрастность затруднена, он обязан отказаться от участия.',
      en: 'The mediator is independent and impartial, and must refuse a case where impartiality is impeded.',
    },
    source: `${LAW}, principles of mediation`,
    confidence: 'H',
    validFrom: '2011-08-05',
  },
  'R-MED-12': {
    id: 'R-MED-12',
    text: {
      kk: 'Кәсіби медиатор: жоғары білімі бар, 25 жасқа толған, медиаторларды даярлау бағдарламасы бойынша сертификаты бар, медиаторлар ұйымының тізіліміне енгізілген тұлға.',
      ru: 'Профессиональный медиатор: лицо с высшим образованием, достигшее 25 лет, имеющее сертификат об обучении по программе подготовки медиаторов и включённое в реестр организации медиаторов.',
      en: 'A professional mediator has higher education, is at least 25, holds a certificate of the mediator training programme and is entered in a register kept by an organisation of mediators.',
    },
    source: `${LAW}, professional mediators`,
    confidence: 'M',
    validFrom: '2021-01-01',
  },
  'R-MED-13': {
    id: 'R-MED-13',
    text: {
      kk: 'Медиаторларды даярлаудың жалпы курсы кемінде 72 академиялық сағат.',
      ru: 'Общий курс подготовки медиаторов — не менее 72 академических часов.',
      en: 'The general mediator training course is at least 72 academic hours.',
    },
    source: `${LAW}; training programme of mediators`,
    confidence: 'H',
    validFrom: '2021-01-01',
  },
  'R-MED-14': {
    id: 'R-MED-14',
    text: {
      kk: 'Қоғамдық медиаторлар тегін жұмыс істейді; оларды жергілікті қоғамдастық жиналысы сайлайды және әкімдік тіркейді.',
      ru: 'Общественные медиаторы работают бесплатно; их избирает собрание местного сообщества и регистрирует акимат.',
      en: 'Public mediators work free of charge; they are elected by a local community assembly and registered by the akimat.',
    },
    source: `${LAW}, public mediators`,
    confidence: 'H',
    validFrom: '2011-08-05',
  },
  'R-MED-18': {
    id: 'R-MED-18',
    text: {
      kk: 'Кәсіби медиатордың сыйақысы тараптармен келісіледі; қоғамдық медиаторлар тегін.',
      ru: 'Вознаграждение профессионального медиатора согласуется со сторонами; общественные медиаторы — бесплатно.',
      en: 'Professional mediators’ fees are agreed with the parties; public mediators are free.',
    },
    source: `${LAW}, costs of mediation`,
    confidence: 'H',
    validFrom: '2011-08-05',
  },
} as const satisfies Record<string, LawRule>;

export type MediationRuleId = keyof typeof MEDIATION_LAW;
