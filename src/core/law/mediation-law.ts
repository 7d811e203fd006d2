import type { LawRule } from './types.ts';

// Law of the Republic of Kazakhstan "On Mediation" No. 401-IV of 28 January 2011, as amended.
// Ids and confidence from DOMAIN.md §3 (a range such as "M–H" is recorded at its lower end, so the
// rule stays flagged for a lawyer's check). The texts are plain-language summaries, not quotations.
const LAW = 'Law "On Mediation" No. 401-IV of 28.01.2011';
// The day the law entered into force; later forms carry the date of the amendment where known.
const IN_FORCE = '2011-08-05';

export const MEDIATION_LAW = {
  'R-MED-01': {
    id: 'R-MED-01',
    text: {
      kk: 'Медиация жеке және (немесе) заңды тұлғалар қатысатын азаматтық, еңбек, отбасылық, әкімшілік және өзге де қоғамдық қатынастардан туындайтын дауларға қолданылады; 2022 жылдан бастап әкімшілік органдар мен лауазымды адамдар да тарап бола алады.',
      ru: 'Медиация применяется к спорам из гражданских, трудовых, семейных, административных и иных общественных отношений с участием физических и (или) юридических лиц; с 2022 года сторонами могут быть и административные органы и должностные лица.',
      en: 'Mediation settles disputes arising from civil, labour, family, administrative and other social relations between individuals and/or legal entities; since 2022 administrative bodies and officials can be parties too.',
    },
    source: `${LAW}, scope of the law`,
    confidence: 'H',
    // DOMAIN.md says "since 2022" for administrative bodies; the exact day of that amendment is to be checked.
    validFrom: '2022-01-01',
  },
  'R-MED-02': {
    id: 'R-MED-02',
    text: {
      kk: 'Медиация сондай-ақ әкімшілік құқық бұзушылық туралы істер бойынша, қылмыстық теріс қылықтар, онша ауыр емес және ауырлығы орташа қылмыстар туралы қылмыстық істер бойынша (ауыр қылмыстар — Қылмыстық кодекстің 68-бабының екінші бөлігінде көзделген жағдайларда) және атқарушылық іс жүргізуде мүмкін.',
      ru: 'Медиация также возможна по делам об административных правонарушениях, по уголовным делам об уголовных проступках, преступлениях небольшой и средней тяжести (о тяжких — в случаях части второй статьи 68 Уголовного кодекса) и в исполнительном производстве.',
      en: 'Mediation is also possible in administrative-offence cases, in criminal cases about criminal misdemeanours and minor or medium-gravity crimes (grave crimes only in the cases of Criminal Code Art. 68(2)), and in enforcement proceedings.',
    },
    source: `${LAW}, scope of the law`,
    confidence: 'H',
    validFrom: IN_FORCE,
  },
  'R-MED-03': {
    id: 'R-MED-03',
    text: {
      kk: 'Медиацияға қатыспайтын үшінші тұлғалардың құқықтары мен заңды мүдделерін қозғайтын немесе қозғауы мүмкін дауларға, сондай-ақ тараптардың бірін сот әрекетке қабілетсіз немесе әрекет қабілеттілігі шектеулі деп таныған жағдайда медиация қолданылмайды.',
      ru: 'Медиация не применяется к спорам, которые затрагивают или могут затронуть права и законные интересы третьих лиц, не участвующих в медиации, а также если одна из сторон признана судом недееспособной или ограниченно дееспособной.',
      en: 'Mediation is not allowed in disputes that affect, or may affect, the rights of third persons who do not take part in it, or where a court has declared a party legally incapable or of limited capacity.',
    },
    source: `${LAW}, scope of the law`,
    // Read in the older text; the current wording still needs a lawyer's check.
    confidence: 'M',
    validFrom: IN_FORCE,
  },
  'R-MED-04': {
    id: 'R-MED-04',
    text: {
      kk: 'Сыбайлас жемқорлық қылмыстары және мемлекеттік қызмет пен мемлекеттік басқару мүдделеріне қарсы қылмыстар туралы қылмыстық істер бойынша медиация қолданылмайды.',
      ru: 'Медиация не применяется по уголовным делам о коррупционных преступлениях и преступлениях против интересов государственной службы и государственного управления.',
      en: 'Mediation is not allowed in criminal cases about corruption crimes or crimes against the interests of public service and public administration.',
    },
    source: `${LAW}, scope of the law`,
    confidence: 'M',
    validFrom: IN_FORCE,
  },
  'R-MED-05': {
    id: 'R-MED-05',
    text: {
      kk: 'Мемлекеттік немесе өзге әкімшілік орган медиацияның тарапы бола алады. Мұндай даулар әкімшілік медиация тәртібімен қаралады: орган тек өзінің әкімшілік дискрециясы шегінде ғана татуласа алады (ӘРПК 120-бабы).',
      ru: 'Государственный или иной административный орган может быть стороной медиации. Такие споры идут в порядке административной медиации: орган может примириться только в пределах своего административного усмотрения (статья 120 АППК).',
      en: 'A state or other administrative body can be a party to mediation. Such disputes follow administrative mediation: the body can reconcile only within its administrative discretion (APPK Art. 120).',
    },
    source: `${LAW}; Administrative Procedural and Process Code No. 350-VI of 29.06.2020, Art. 120`,
    // DOMAIN.md gives no confidence for the law's part; APPK Art. 120 itself is H (see R-ADM-01).
    confidence: 'M',
    validFrom: '2021-07-01',
  },
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
  'R-MED-07': {
    id: 'R-MED-07',
    text: {
      kk: 'Медиация барлық тараптардың келісімімен және жазбаша жасалған медиация туралы шартпен жүргізіледі; медиация сол шарт жасалған күннен басталады.',
      ru: 'Для медиации нужны согласие всех сторон и письменный договор о медиации; медиация начинается со дня его заключения.',
      en: 'Mediation needs the consent of all parties and a written mediation contract; it begins on the day that contract is concluded.',
    },
    source: `${LAW}, conditions and start of mediation`,
    confidence: 'H',
    validFrom: IN_FORCE,
  },
  'R-MED-08': {
    id: 'R-MED-08',
    text: {
      kk: 'Азаматтық, еңбек, отбасылық және әкімшілік дауларды сотқа жүгінгенге дейін де, сот ісі басталғаннан кейін де медиация арқылы реттеуге болады.',
      ru: 'Гражданские, трудовые, семейные и административные споры можно урегулировать медиацией как до обращения в суд, так и после начала судебного разбирательства.',
      en: 'Civil, labour, family and administrative disputes can be mediated before anyone goes to court, or after court proceedings have begun.',
    },
    source: `${LAW}, conditions and start of mediation`,
    confidence: 'H',
    validFrom: IN_FORCE,
  },
  'R-MED-09': {
    id: 'R-MED-09',
    text: {
      kk: 'Ешкім, оның ішінде судья немесе прокурор, медиацияға мәжбүрлей алмайды. Оны екінші тарап, сот немесе қылмыстық қудалау органы ұсына алады.',
      ru: 'Никто, в том числе судья или прокурор, не вправе принуждать к медиации. Предложить её может другая сторона, суд или орган уголовного преследования.',
      en: 'Nobody, a judge or prosecutor included, can force anyone into mediation. The other party, the court or the criminal-prosecution body can propose it.',
    },
    source: `${LAW}, principle of voluntariness`,
    confidence: 'H',
    validFrom: IN_FORCE,
  },
  'R-MED-10': {
    id: 'R-MED-10',
    text: {
      kk: 'Медиация туралы жазбаша ұсынысқа 10 күнтізбелік күн ішінде жауап беріледі; осы мерзімде келісім болмаса, ұсыныс қабылданбады деп есептеледі.',
      ru: 'На письменное предложение о медиации отвечают в течение 10 календарных дней; если согласия за это время нет, предложение считается отклонённым.',
      en: 'A written proposal to mediate is answered within 10 calendar days; if it is not accepted within that time, it counts as rejected.',
    },
    source: `${LAW}, proposal to mediate`,
    confidence: 'H',
    validFrom: IN_FORCE,
  },
  'R-MED-11': {
    id: 'R-MED-11',
    text: {
      kk: 'Соттан тыс медиация медиация туралы шарт жасалған күннен бастап 30 күнтізбелік күн ішінде аяқталады; ерекше жағдайларда тараптар мен медиатордың келісімі бойынша мерзім тағы 30 күнге дейін ұзартылады. Сот немесе қылмыстық процесс барысындағы медиация процестік мерзімдер шегінде жүргізіледі.',
      ru: 'Внесудебная медиация завершается в течение 30 календарных дней со дня заключения договора о медиации; в исключительных случаях по соглашению сторон и медиатора срок продлевается не более чем на 30 дней. Медиация в ходе судебного или уголовного процесса проводится в пределах процессуальных сроков.',
      en: 'Out-of-court mediation ends within 30 calendar days of the mediation contract; in exceptional cases the parties and the mediator can extend it by up to 30 more days. Mediation during court or criminal proceedings runs within the procedural time limits.',
    },
    source: `${LAW}, duration of mediation`,
    confidence: 'M',
    validFrom: IN_FORCE,
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
  'R-MED-15': {
    id: 'R-MED-15',
    text: {
      kk: 'Әрі қарайғы күш-жігер нәтиже бермейтін болса немесе тараптардың жазбаша келісімімен медиатор медиацияны тоқтата алады. Медиацияға өкілдер, аудармашылар және сарапшылар қатыса алады.',
      ru: 'Медиатор вправе прекратить медиацию, если дальнейшие усилия бесполезны, или с письменного согласия сторон. В медиации могут участвовать представители, переводчики и эксперты.',
      en: 'The mediator may end mediation when further efforts are futile, or with the parties’ written consent. Representatives, interpreters and experts may take part.',
    },
    source: `${LAW}, conduct and end of mediation`,
    confidence: 'H',
    validFrom: IN_FORCE,
  },
  'R-MED-16': {
    id: 'R-MED-16',
    text: {
      kk: 'Толық әрекет қабілеттілігі жоқ, өтелмеген немесе алынбаған сотталғандығы бар тұлға, сондай-ақ қызметтегі судья немесе мемлекеттік қызметші медиатор бола алмайды.',
      ru: 'Медиатором не может быть лицо без полной дееспособности, с непогашенной или неснятой судимостью, а также действующий судья или государственный служащий.',
      en: 'A person cannot be a mediator without full legal capacity, with a criminal record not yet expunged, or while serving as a judge or civil servant.',
    },
    source: `${LAW}, requirements for mediators`,
    confidence: 'M',
    validFrom: IN_FORCE,
  },
  'R-MED-17': {
    id: 'R-MED-17',
    text: {
      kk: 'Медиация барысында айтылған және ұсынылған мәліметтер, егер тараптар өзгеше келіспесе, құпия болып табылады; медиаторды бұл туралы куә ретінде жауапқа алуға болмайды.',
      ru: 'Всё сказанное и представленное в ходе медиации конфиденциально, если стороны не договорились иначе; медиатора нельзя допросить об этом в качестве свидетеля.',
      en: 'What is said or shown in mediation stays confidential unless the parties agree otherwise; the mediator cannot be questioned as a witness about it.',
    },
    source: `${LAW}, principle of confidentiality`,
    confidence: 'M',
    validFrom: IN_FORCE,
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
  'R-MED-20': {
    id: 'R-MED-20',
    text: {
      kk: 'Медиация туралы шарт жазбаша жасалады және оған тараптар мен медиатор қол қояды. Онда күні мен орны, тараптар мен медиатор (және медиаторлар ұйымы), даудың нысанасы, медиация тәртібі, тілі, сыйақы, шығыстар және оларды бөлу, мерзімі көрсетіледі.',
      ru: 'Договор о медиации заключается письменно и подписывается сторонами и медиатором. В нём указываются дата и место, стороны и медиатор (и организация медиаторов), предмет спора, порядок, язык, вознаграждение, расходы и их распределение, срок.',
      en: 'The mediation contract is written and signed by the parties and the mediator. It states the date and place, the parties and the mediator (and organisation), the subject of the dispute, the procedure, the language, the fee, the expenses and their split, and the duration.',
    },
    source: `${LAW}, mediation contract`,
    confidence: 'M',
    validFrom: IN_FORCE,
  },
  'R-MED-21': {
    id: 'R-MED-21',
    text: {
      kk: 'Дауды реттеу туралы келісім жазбаша жасалады. Онда тараптар, даудың нысанасы, медиацияның өткізілгені және медиатордың кім екені, келісілген шарттар, оларды орындау тәртібі мен мерзімдері көрсетіледі. Соттан тыс ол азаматтық-құқықтық мәміле болып табылады; сот бекіткен келісім атқару парағы бойынша орындалады.',
      ru: 'Соглашение об урегулировании спора заключается письменно. В нём указываются стороны, предмет спора, факт медиации и медиатор, согласованные условия, порядок и сроки их исполнения. Вне суда это гражданско-правовая сделка; утверждённое судом соглашение исполняется по исполнительному листу.',
      en: 'The settlement agreement is written. It names the parties, the subject, the fact that mediation took place and who mediated, and the agreed terms with how and by when they are performed. Out of court it is a civil-law contract; once a court approves it, it is enforced by a writ of execution.',
    },
    source: `${LAW}, settlement agreement`,
    // The written form is H; the list of contents is M.
    confidence: 'M',
    validFrom: IN_FORCE,
  },
} as const satisfies Record<string, LawRule>;

export type MediationRuleId = keyof typeof MEDIATION_LAW;
