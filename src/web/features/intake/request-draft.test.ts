import { describe, expect, it } from 'vitest';
import { completeKzId } from '../../../core/identity/kz-id.ts';
import { partyFromIdentity, partyProblems, partyToIdentity } from './party-draft.ts';
import { emptyReferral, type ReferralDraft, referralProblems, toReferralBody } from './referral-draft.ts';
import {
  emptyRequest,
  parseAmount,
  REQUEST_FIELDS,
  type RequestDraft,
  requestFromView,
  requestProblems,
  toCaseRequest,
} from './request-draft.ts';

const IIN = completeKzId('85030240012') as string;
const BIN = completeKzId('05014000012') as string;

const filled = (): RequestDraft => ({
  ...emptyRequest('civil', 'ru'),
  subject: 'Долг по договору займа',
  description: 'Сосед не вернул деньги.',
  claimAmount: '1 500 000 ₸',
  region: 'north_kazakhstan',
  respondent: {
    kind: 'individual',
    fullName: 'Ерлан Жақсыбеков',
    idNumber: ` ${IIN} `,
    email: 'e@example.kz',
    phone: '',
  },
});

describe('amounts in tenge', () => {
  it('reads whole tenge as people type them and refuses what it cannot read', () => {
    expect(parseAmount('')).toBeNull();
    expect(parseAmount('  ')).toBeNull();
    expect(parseAmount('1 500 000')).toBe(1_500_000);
    expect(parseAmount('1\u00a0500\u00a0000 ₸')).toBe(1_500_000);
    expect(parseAmount('250000тг')).toBe(250_000);
    expect(parseAmount('0')).toBe(0);
    expect(parseAmount('1.5')).toBeNaN();
    expect(parseAmount('1 500,50')).toBeNaN();
    expect(parseAmount('-5')).toBeNaN();
    expect(parseAmount('1 000 000 000 000')).toBeNaN();
  });
});

describe('the request form', () => {
  it('prefills only a known category and language', () => {
    expect(emptyRequest('family', 'kk')).toMatchObject({ category: 'family', language: 'kk', remote: true });
    expect(emptyRequest('piracy', 'xx')).toMatchObject({ category: '', language: '' });
  });

  it('becomes the contract body: numbers cleaned, empty fields left out, no representative as null', () => {
    const body = toCaseRequest(filled());
    expect(body).toEqual({
      category: 'civil',
      subject: 'Долг по договору займа',
      description: 'Сосед не вернул деньги.',
      claimAmountKzt: 1_500_000,
      region: 'north_kazakhstan',
      language: 'ru',
      remote: true,
      wantsPublicMediator: false,
      respondent: {
        kind: 'individual',
        fullName: 'Ерлан Жақсыбеков',
        iin: IIN,
        bin: undefined,
        email: 'e@example.kz',
        phone: undefined,
      },
      representative: null,
    });
    expect(toCaseRequest(emptyRequest(null, 'kk'))).toMatchObject({
      category: undefined,
      subject: undefined,
      claimAmountKzt: null,
      respondent: { kind: 'individual', fullName: undefined, iin: undefined },
    });
  });

  it('an organisation sends a BIN, never an IIN', () => {
    const body = toCaseRequest({
      ...filled(),
      respondent: {
        kind: 'organisation',
        fullName: '«Агро» ЖШС',
        idNumber: BIN,
        email: '',
        phone: '+7 701 123-45-67',
      },
    });
    expect(body.respondent).toMatchObject({
      kind: 'organisation',
      bin: BIN,
      iin: undefined,
      phone: '+77011234567',
    });
  });

  it('a saved draft comes back as the form left it', () => {
    const draft = {
      ...filled(),
      claimAmount: '1500000',
      respondent: { ...filled().respondent, idNumber: IIN },
    };
    const back = requestFromView(toCaseRequest(draft) as never, 'kk');
    expect(back).toEqual(draft);
  });

  it('a draft needs only well-formed values; sending needs everything', () => {
    expect(requestProblems(emptyRequest(null, 'kk'), false)).toEqual({});
    expect(requestProblems({ ...emptyRequest(null, 'kk'), claimAmount: '1.5' }, false)).toEqual({
      claimAmountKzt: 'web.intake.dispute.amountFormat',
    });
    expect(requestProblems(emptyRequest(null, 'kk'), true)).toEqual({
      category: 'fields.unknown_category',
      subject: 'fields.required',
      region: 'fields.unknown_region',
      'respondent.fullName': 'web.intake.party.nameRequired',
      'respondent.iin': 'fields.required',
      'respondent.email': 'fields.contact_required',
    });
    expect(requestProblems(filled(), true)).toEqual({});
  });

  it('names the wrong identification number and a malformed contact', () => {
    const respondent = {
      ...filled().respondent,
      idNumber: '123456789012',
      email: 'not-an-email',
      phone: '8701',
    };
    expect(requestProblems({ ...filled(), respondent }, false)).toEqual({
      'respondent.iin': 'fields.iin_invalid',
      'respondent.email': 'fields.email_invalid',
      'respondent.phone': 'fields.phone_invalid',
    });
    const organisation = { ...respondent, kind: 'organisation' as const, email: '', phone: '' };
    expect(requestProblems({ ...filled(), respondent: organisation }, true)).toMatchObject({
      'respondent.bin': 'fields.bin_invalid',
    });
  });

  it('a representative needs a name, a valid IIN and the power of attorney', () => {
    const draft = { ...filled(), hasRepresentative: true };
    expect(requestProblems(draft, false)).toEqual({
      'representative.fullName': 'web.intake.party.nameRequired',
      'representative.iin': 'fields.required',
      'representative.powerOfAttorney': 'fields.required',
    });
    const representative = { fullName: 'Адвокат Ким', iin: IIN, powerOfAttorney: '№ 17 от 01.02.2026' };
    expect(requestProblems({ ...draft, representative }, true)).toEqual({});
    expect(toCaseRequest({ ...draft, representative }).representative).toEqual(representative);
  });

  it('every field a party or representative can have is known to the form', () => {
    for (const field of ['respondent.iin', 'respondent.bin', 'respondent', 'representative.iin'])
      expect(REQUEST_FIELDS).toContain(field);
  });
});

describe('parties', () => {
  it('round-trip between the form and the contract', () => {
    const identity = { kind: 'organisation' as const, fullName: 'ЖШС', bin: BIN, email: 'a@b.kz' };
    expect(partyFromIdentity(identity)).toEqual({
      kind: 'organisation',
      fullName: 'ЖШС',
      idNumber: BIN,
      email: 'a@b.kz',
      phone: '',
    });
    expect(partyToIdentity(partyFromIdentity(identity))).toMatchObject(identity);
    expect(partyFromIdentity(null).kind).toBe('individual');
  });

  it('an organisation without a name is asked for its name', () => {
    const problems = partyProblems(
      { kind: 'organisation', fullName: '', idNumber: BIN, email: 'a@b.kz', phone: '' },
      'parties.1',
      true,
    );
    expect(problems).toEqual({ 'parties.1.fullName': 'fields.organisation_required' });
  });
});

describe('the court referral form', () => {
  it('needs the court case, the dispute and both parties', () => {
    const problems = referralProblems(emptyReferral('north_kazakhstan', 'ru'));
    expect(problems).toMatchObject({
      courtCaseNumber: 'fields.required',
      stage: 'fields.invalid_value',
      judgeName: 'web.intake.party.nameRequired',
      category: 'fields.unknown_category',
      'parties.0.iin': 'fields.required',
      'parties.1.email': 'fields.contact_required',
    });
    expect(problems.region).toBeUndefined();
    expect(problems.proceeding).toBeUndefined();
  });

  it('becomes the contract body with two parties', () => {
    const party = {
      kind: 'individual' as const,
      fullName: 'Айгерім Нұрланова',
      idNumber: IIN,
      email: 'a@b.kz',
      phone: '',
    };
    const draft = {
      ...emptyReferral('north_kazakhstan', 'kk'),
      courtCaseNumber: ' 5999-26-00-2/123 ',
      stage: 'preparation' as const,
      judgeName: 'Қасымов Н. С.',
      category: 'commercial',
      subject: 'Поставка зерна',
      claimAmount: '',
      parties: [
        party,
        { ...party, kind: 'organisation', fullName: 'ЖШС', idNumber: BIN },
      ] as ReferralDraft['parties'],
    };
    expect(referralProblems(draft)).toEqual({});
    expect(toReferralBody(draft)).toMatchObject({
      courtCaseNumber: '5999-26-00-2/123',
      proceeding: 'claim',
      stage: 'preparation',
      claimAmountKzt: null,
      region: 'north_kazakhstan',
      language: 'kk',
      mediatorSelection: 'parties',
      parties: [
        { kind: 'individual', iin: IIN },
        { kind: 'organisation', bin: BIN, iin: undefined },
      ],
    });
  });
});
