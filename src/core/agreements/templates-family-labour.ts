import type { Suggestion } from './template-types.ts';

// Family (R-FAM-01: divorce, child residence, contact schedule, alimony as an Art. 158 agreement,
// property) and labour (reinstatement, pay, compensation) terms.

export const FAMILY_TEMPLATE: readonly Suggestion[] = [
  {
    kind: 'obligation',
    key: 'family.divorce',
    topic: 'divorce',
    subject: 'action',
    method: 'in_person',
    text: {
      kk: 'Некені бұзу туралы бірлескен өтінішті тіркеу органына немесе сотқа беру',
      ru: 'Подать совместное заявление о расторжении брака в регистрирующий орган или в суд',
      en: 'File a joint application for divorce with the registry office or the court',
    },
  },
  {
    kind: 'clause',
    key: 'family.child_residence',
    topic: 'child_residence',
    text: {
      kk: 'Кәмелетке толмаған бала анасымен (әкесімен) бірге оның тұрғылықты жері бойынша тұрады; тұрғылықты жер екінші тараппен алдын ала жазбаша келісіледі.',
      ru: 'Несовершеннолетний ребёнок проживает с матерью (отцом) по месту её (его) жительства; смена места жительства заранее письменно согласуется с другой стороной.',
      en: 'The minor child lives with the mother (father) at her (his) place of residence; any change of residence is agreed with the other party in writing in advance.',
    },
  },
  {
    kind: 'obligation',
    key: 'family.contact',
    topic: 'contact',
    subject: 'action',
    method: 'in_person',
    text: {
      kk: 'Баланың екінші ата-анамен кездесуіне жағдай жасау: сенбі күні сағат 10:00-ден жексенбі күні сағат 18:00-ге дейін, баланы тұрғылықты жерінен алып кету және қайтару',
      ru: 'Обеспечить общение ребёнка со вторым родителем: с 10:00 субботы до 18:00 воскресенья, с передачей и возвращением ребёнка по месту жительства',
      en: 'Enable the child’s contact with the other parent: from 10:00 on Saturday to 18:00 on Sunday, handing the child over and back at the child’s home',
    },
  },
  {
    kind: 'obligation',
    key: 'family.alimony',
    topic: 'alimony',
    subject: 'money',
    method: 'bank_transfer',
    text: {
      kk: 'Кәмелетке толмаған баланы асырауға алимент',
      ru: 'Алименты на содержание несовершеннолетнего ребёнка',
      en: 'Alimony for the maintenance of the minor child',
    },
  },
  {
    kind: 'obligation',
    key: 'family.property',
    topic: 'property',
    subject: 'action',
    method: 'in_person',
    text: {
      kk: 'Ерлі-зайыптылардың ортақ мүлкін бөлу: мүлікті екінші тарапқа беру және меншік құқығын тіркеуге қажетті құжаттарға қол қою',
      ru: 'Раздел общего имущества супругов: передать имущество другой стороне и подписать документы для регистрации права собственности',
      en: 'Division of the spouses’ common property: hand the property over to the other party and sign the documents needed to register ownership',
    },
  },
];

export const LABOUR_TEMPLATE: readonly Suggestion[] = [
  {
    kind: 'obligation',
    key: 'labour.reinstatement',
    topic: 'reinstatement',
    subject: 'action',
    method: 'in_person',
    text: {
      kk: 'Жұмыскерді бұрынғы лауазымына қайта алу туралы бұйрық шығару және оны жұмыскерге қол қойғыза отырып таныстыру',
      ru: 'Издать приказ о восстановлении работника в прежней должности и ознакомить с ним работника под подпись',
      en: 'Issue an order reinstating the employee in the former position and have the employee sign that they have read it',
    },
  },
  {
    kind: 'obligation',
    key: 'labour.pay',
    topic: 'pay',
    subject: 'money',
    method: 'bank_transfer',
    text: {
      kk: 'Жалақы бойынша берешекті өтеу (салықтар мен міндетті төлемдер ұсталғаннан кейін)',
      ru: 'Погашение задолженности по заработной плате (после удержания налогов и обязательных платежей)',
      en: 'Payment of wage arrears (after deduction of taxes and mandatory contributions)',
    },
  },
  {
    kind: 'obligation',
    key: 'labour.compensation',
    topic: 'compensation',
    subject: 'money',
    method: 'bank_transfer',
    text: {
      kk: 'Еңбек шартын тоқтатуға байланысты өтемақы',
      ru: 'Компенсация в связи с прекращением трудового договора',
      en: 'Compensation for the termination of the employment contract',
    },
  },
  {
    kind: 'clause',
    key: 'labour.no_claims',
    topic: 'other',
    text: {
      kk: 'Осы келісімде көзделген міндеттемелер орындалғаннан кейін тараптардың осы еңбек дауы бойынша бір-біріне талаптары болмайды.',
      ru: 'После исполнения обязательств по настоящему соглашению стороны не имеют друг к другу претензий по данному трудовому спору.',
      en: 'Once the obligations under this agreement are performed, the parties have no further claims against each other in this labour dispute.',
    },
  },
];
