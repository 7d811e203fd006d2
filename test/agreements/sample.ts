import type { AgreementDraft } from '../../src/core/agreements/types.ts';
import { completeKzId } from '../../src/core/identity/kz-id.ts';

// A realistic settlement of a debt dispute in Kazakh, Russian and English: an individual creditor,
// a company paying by instalments, a delivery and a repair, costs split, the mediator's fee split.
// Used by the core tests, the PDF tests and the documents benchmark. The names carry every Kazakh
// letter (ә ғ қ ң ө ұ ү һ і) so that the PDF tests see each of them come back out of pdftotext.

const id = (first11: string) => {
  const value = completeKzId(first11);
  if (!value) throw new Error(`no check digit for ${first11}`);
  return value;
};

export const SAMPLE_IIN = id('88071530012');
export const SAMPLE_BIN = id('15034001234');
/** A KZ IBAN with a valid check (ISO 13616). */
export const SAMPLE_IBAN = 'KZ86125KZT5004100100';

export const sampleDraft = (): AgreementDraft => ({
  format: 'kelisim.agreement/1',
  case: {
    number: 'KLS-2026-000417',
    category: 'civil',
    subject: {
      kk: 'Жеткізу шарты бойынша 4 500 000 теңге қарызды өтеу, жабдықты жеткізу және кепілдік бойынша жөндеу туралы дау.',
      ru: 'Спор о погашении долга 4 500 000 тенге по договору поставки, поставке оборудования и гарантийном ремонте.',
      en: 'Dispute over repayment of a 4,500,000 tenge debt under a supply contract, delivery of equipment and warranty repair.',
    },
    courtCaseNumber: '7594-26-00-2/1187',
  },
  languages: ['kk', 'ru', 'en'],
  date: '2026-03-16',
  place: { kk: 'Қызылорда қ.', ru: 'г. Кызылорда', en: 'Kyzylorda' },
  parties: [
    {
      id: 'a',
      kind: 'individual',
      name: 'Сейітқазы Әлия Нұрланқызы',
      iin: SAMPLE_IIN,
      address: {
        kk: 'Қызылорда қ., Әйтеке би көшесі, 27-үй, 14-пәтер',
        ru: 'г. Кызылорда, ул. Айтеке би, д. 27, кв. 14',
        en: '27 Aiteke Bi St., apt 14, Kyzylorda',
      },
    },
    {
      id: 'b',
      kind: 'organisation',
      name: '«Өңірлік Құрылыс Һәм Сервис» ЖШС',
      bin: SAMPLE_BIN,
      representative: {
        name: 'Үсенов Ғалымжан Ұланұлы',
        basis: { kk: 'жарғы', ru: 'устава', en: 'the charter' },
      },
      address: {
        kk: 'Қызылорда қ., Абай даңғылы, 112, «Шаһар» бизнес орталығы',
        ru: 'г. Кызылорда, пр. Абая, 112, бизнес-центр «Шаһар»',
        en: 'Shahar Business Centre, 112 Abai Ave., Kyzylorda',
      },
    },
  ],
  mediator: {
    name: 'Жұмабекова Гүлнұр Сәбитқызы',
    kind: 'professional',
    registryNumber: 'ОМ-017/2023',
    organisation: {
      kk: '«Қазақстан медиаторлар одағы» ҚБ',
      ru: 'ОО «Союз медиаторов Казахстана»',
      en: 'Union of Mediators of Kazakhstan (NGO)',
    },
  },
  obligations: [
    {
      id: 'o1',
      topic: 'debt',
      debtor: 'b',
      creditor: 'a',
      subject: {
        kind: 'money',
        amountTiyn: 450_000_000,
        purpose: {
          kk: 'Жеткізу шарты бойынша негізгі қарызды өтеу',
          ru: 'Погашение основного долга по договору поставки',
          en: 'Repayment of the principal debt under the supply contract',
        },
      },
      deadline: {
        kind: 'instalments',
        instalments: [
          { date: '2026-04-10', amountTiyn: 75_000_000 },
          { date: '2026-05-10', amountTiyn: 75_000_000 },
          { date: '2026-06-10', amountTiyn: 75_000_000 },
          { date: '2026-07-10', amountTiyn: 75_000_000 },
          { date: '2026-08-10', amountTiyn: 75_000_000 },
          { date: '2026-09-10', amountTiyn: 75_000_000 },
        ],
      },
      method: { kind: 'bank_transfer', iban: SAMPLE_IBAN, bank: 'АО «Банк ЦентрКредит»' },
    },
    {
      id: 'o2',
      topic: 'delivery',
      debtor: 'b',
      creditor: 'a',
      subject: {
        kind: 'action',
        description: {
          kk: 'Екі дана су жылытқыш қазандықты тиісті сапада, толық жинақтамамен және ілеспе құжаттарымен жеткізу',
          ru: 'Поставить два водогрейных котла надлежащего качества, в полной комплектации и с сопроводительными документами',
          en: 'Deliver two water-heating boilers of proper quality, complete and with their accompanying documents',
        },
      },
      deadline: { kind: 'date', date: '2026-04-30' },
      method: {
        kind: 'delivery',
        address: {
          kk: 'Қызылорда қ., Әйтеке би көшесі, 27-үй',
          ru: 'г. Кызылорда, ул. Айтеке би, д. 27',
          en: '27 Aiteke Bi St., Kyzylorda',
        },
      },
    },
    {
      id: 'o3',
      topic: 'repair',
      debtor: 'b',
      creditor: 'a',
      subject: {
        kind: 'action',
        description: {
          kk: 'Бұрын жеткізілген жылу жүйесінің ақауларын өз есебінен жөндеу және орындалған жұмыстардың актісіне қол қою',
          ru: 'Устранить за свой счёт недостатки ранее поставленной системы отопления и подписать акт выполненных работ',
          en: 'Repair at its own expense the defects of the heating system supplied earlier and sign the certificate of completed work',
        },
      },
      deadline: { kind: 'date', date: '2026-05-15' },
      method: { kind: 'in_person' },
    },
  ],
  clauses: [
    {
      id: 'c1',
      text: {
        kk: 'Кезекті төлем мерзімі өткізіп алынса, борышкер кешіктірілген әр күн үшін кешіктірілген соманың 0,1 пайызы мөлшерінде тұрақсыздық айыбын төлейді.',
        ru: 'При просрочке очередного платежа должник уплачивает неустойку в размере 0,1 % от просроченной суммы за каждый день просрочки.',
        en: 'For each day an instalment is late, the debtor pays a penalty of 0.1% of the overdue amount.',
      },
    },
    {
      id: 'c2',
      text: {
        kk: 'Талапкер осы келісімде көрсетілмеген талаптардан, оның ішінде тұрақсыздық айыбын өндіріп алу туралы бұрын мәлімделген талаптан бас тартады.',
        ru: 'Истец отказывается от требований, не указанных в настоящем соглашении, в том числе от ранее заявленного требования о взыскании неустойки.',
        en: 'The claimant waives the claims not mentioned in this agreement, including the penalty claimed earlier.',
      },
    },
  ],
  legalCosts: {
    kind: 'split',
    shares: [
      { partyId: 'a', percent: 30 },
      { partyId: 'b', percent: 70 },
    ],
  },
  mediatorFee: {
    kind: 'split',
    amountTiyn: 12_000_000,
    shares: [
      { partyId: 'a', percent: 50 },
      { partyId: 'b', percent: 50 },
    ],
  },
});
