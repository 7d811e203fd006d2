import type { Suggestion } from './template-types.ts';

// Civil and commercial terms (debt by instalments, delivery, repair, penalty) and public procurement.

const DEBT: Suggestion = {
  kind: 'obligation',
  key: 'civil.debt',
  topic: 'debt',
  subject: 'money',
  method: 'bank_transfer',
  text: {
    kk: 'Негізгі қарызды бөліп төлеу кестесі бойынша өтеу',
    ru: 'Погашение основного долга по графику рассрочки',
    en: 'Repayment of the principal debt by the instalment schedule',
  },
};

const DELIVERY: Suggestion = {
  kind: 'obligation',
  key: 'civil.delivery',
  topic: 'delivery',
  subject: 'action',
  method: 'delivery',
  text: {
    kk: 'Шартта көрсетілген тауарды тиісті сапада, толық жинақтамамен және ілеспе құжаттарымен жеткізу',
    ru: 'Поставить товар, указанный в договоре, надлежащего качества, в полной комплектации и с сопроводительными документами',
    en: 'Deliver the goods named in the contract, of proper quality, complete and with their accompanying documents',
  },
};

const REPAIR: Suggestion = {
  kind: 'obligation',
  key: 'civil.repair',
  topic: 'repair',
  subject: 'action',
  method: 'in_person',
  text: {
    kk: 'Анықталған ақауларды өз есебінен жөндеу және орындалған жұмыстардың актісіне қол қою',
    ru: 'Устранить выявленные недостатки за свой счёт и подписать акт выполненных работ',
    en: 'Repair the defects found at its own expense and sign the certificate of completed work',
  },
};

const PENALTY: Suggestion = {
  kind: 'clause',
  key: 'civil.penalty',
  topic: 'debt',
  text: {
    kk: 'Кезекті төлем мерзімі өткізіп алынса, борышкер кешіктірілген әр күн үшін кешіктірілген соманың 0,1 пайызы мөлшерінде тұрақсыздық айыбын төлейді.',
    ru: 'При просрочке очередного платежа должник уплачивает неустойку в размере 0,1 % от просроченной суммы за каждый день просрочки.',
    en: 'For each day an instalment is late, the debtor pays a penalty of 0.1% of the overdue amount.',
  },
};

const CLAIMS_WITHDRAWN: Suggestion = {
  kind: 'clause',
  key: 'civil.claims_withdrawn',
  topic: 'other',
  text: {
    kk: 'Талапкер осы келісімде көрсетілмеген талаптардан бас тартады.',
    ru: 'Истец отказывается от требований, не указанных в настоящем соглашении.',
    en: 'The claimant waives the claims not mentioned in this agreement.',
  },
};

export const CIVIL_TEMPLATE: readonly Suggestion[] = [DEBT, DELIVERY, REPAIR, PENALTY, CLAIMS_WITHDRAWN];

export const COMMERCIAL_TEMPLATE: readonly Suggestion[] = [
  { ...DEBT, key: 'commercial.debt' },
  { ...DELIVERY, key: 'commercial.delivery' },
  { ...REPAIR, key: 'commercial.repair' },
  { ...PENALTY, key: 'commercial.penalty' },
  {
    kind: 'clause',
    key: 'commercial.contract_continues',
    topic: 'other',
    text: {
      kk: 'Тараптар арасындағы шарт осы келісімде өзгертілген бөлігін қоспағанда, күшінде қалады.',
      ru: 'Договор между сторонами сохраняет силу, за исключением условий, изменённых настоящим соглашением.',
      en: 'The contract between the parties stays in force except for the terms this agreement changes.',
    },
  },
];

export const PROCUREMENT_TEMPLATE: readonly Suggestion[] = [
  {
    kind: 'obligation',
    key: 'procurement.performance',
    topic: 'procurement',
    subject: 'action',
    method: 'delivery',
    text: {
      kk: 'Мемлекеттік сатып алу шарты бойынша тауарларды жеткізуді (жұмыстарды орындауды, қызметтерді көрсетуді) аяқтау және қабылдау-тапсыру актісін ресімдеу',
      ru: 'Завершить поставку товаров (выполнение работ, оказание услуг) по договору государственных закупок и оформить акт приёма-передачи',
      en: 'Complete the delivery of goods (works, services) under the public procurement contract and sign the acceptance certificate',
    },
  },
  {
    kind: 'obligation',
    key: 'procurement.payment',
    topic: 'procurement',
    subject: 'money',
    method: 'bank_transfer',
    text: {
      kk: 'Қабылданған тауарлар (жұмыстар, қызметтер) үшін шарт бағасы шегінде ақы төлеу',
      ru: 'Оплата принятых товаров (работ, услуг) в пределах цены договора',
      en: 'Payment for the accepted goods (works, services) within the contract price',
    },
  },
  {
    kind: 'clause',
    key: 'procurement.within_law',
    topic: 'procurement',
    text: {
      kk: 'Келісім шарттың бағасын, көлемін және сапасын мемлекеттік сатып алу туралы заңнамада рұқсат етілген шектен тыс өзгертпейді.',
      ru: 'Соглашение не изменяет цену, объём и качество по договору сверх пределов, допустимых законодательством о государственных закупках.',
      en: 'The agreement does not change the contract’s price, volume or quality beyond what the public procurement law allows.',
    },
  },
];
