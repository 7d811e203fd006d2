import { describe, expect, it } from 'vitest';
import { sampleDraft } from '../../../test/agreements/sample.ts';
import { DISPUTE_CATEGORIES } from '../registry/reference.ts';
import { agreementBlocks, WORDINGS } from './document.ts';
import { AGREEMENT_TEMPLATES, clauseFrom, obligationFrom } from './templates.ts';
import { AGREEMENT_LANGUAGES, type AgreementDraft } from './types.ts';
import { validateAgreement } from './validate.ts';
import { formatIsoDate, formatTiyn, NBSP } from './wording.ts';

const texts = (d: AgreementDraft, lang: 'kk' | 'ru' | 'en') => agreementBlocks(d, lang).map((b) => b.text);

describe('agreementBlocks', () => {
  it('yields the same sequence of styles in every language, so a bilingual PDF pairs paragraphs', () => {
    const d = sampleDraft();
    const styles = AGREEMENT_LANGUAGES.map((lang) => agreementBlocks(d, lang).map((b) => b.style));
    expect(styles[1]).toEqual(styles[0]);
    expect(styles[2]).toEqual(styles[0]);
  });

  it('states the mediation, the mediator and every term (R-MED-21)', () => {
    const ru = texts(sampleDraft(), 'ru').join('\n');
    expect(ru).toContain('Соглашение об урегулировании спора в порядке медиации');
    expect(ru).toContain('Дело № KLS-2026-000417');
    expect(ru).toContain('г. Кызылорда, 16\u00a0марта 2026\u00a0г.');
    expect(ru).toContain(
      'медиатором Жұмабекова Гүлнұр Сәбитқызы в соответствии с Законом Республики Казахстан',
    );
    expect(ru).toContain('Номер в реестре: ОМ-017/2023');
    expect(ru).toContain(`4.1. Сумма к уплате: 4${NBSP}500${NBSP}000${NBSP}₸`);
    expect(ru).toContain(`6) 10${NBSP}сентября 2026${NBSP}г. — 750${NBSP}000${NBSP}₸`);
    expect(ru).toContain('ИИК KZ86 125K ZT50 0410 0100');
    // A court case: the effect of approval is stated (R-CPC-04).
    expect(ru).toContain('производство по делу прекращается');
  });

  it('renders silence on costs as mutual set-off (R-CPC-03) and a public mediator as free', () => {
    const d = { ...sampleDraft(), legalCosts: undefined, mediatorFee: undefined };
    d.mediator = { ...d.mediator, kind: 'public' };
    const kk = texts(d, 'kk');
    expect(kk).toContain(WORDINGS.kk.legalCosts.setOff);
    expect(kk).toContain(WORDINGS.kk.mediatorFee.free);
    expect(texts(d, 'ru')).toContain('Медиация проведена бесплатно.');
  });

  it('adds the Art. 158 statement to an alimony agreement (R-FAM-01)', () => {
    const d = sampleDraft();
    d.case.category = 'family';
    const first = d.obligations[0];
    if (first) first.topic = 'alimony';
    expect(texts(d, 'kk').join('\n')).toContain('158-бабына сәйкес');
    expect(texts(d, 'ru').join('\n')).toContain('статьёй 158');
  });
});

describe('formatting', () => {
  it.each([
    [150_000_050, 'kk', `1${NBSP}500${NBSP}000,50${NBSP}₸`],
    [150_000_000, 'ru', `1${NBSP}500${NBSP}000${NBSP}₸`],
    [150_000_050, 'en', `1,500,000.50${NBSP}₸`],
    [5, 'ru', `0,05${NBSP}₸`],
  ] as const)('%d tiyn in %s', (tiyn, lang, expected) => {
    expect(formatTiyn(tiyn, lang)).toBe(expected);
  });

  it.each([
    ['kk', `2026${NBSP}жылғы 16${NBSP}наурыз`],
    ['ru', `16${NBSP}марта 2026${NBSP}г.`],
    ['en', `16${NBSP}March 2026`],
  ] as const)('dates in %s', (lang, expected) => {
    expect(formatIsoDate('2026-03-16', WORDINGS[lang])).toBe(expected);
  });
});

describe('templates', () => {
  it.each(DISPUTE_CATEGORIES)('%s suggests terms in kk, ru and en', (category) => {
    const template = AGREEMENT_TEMPLATES[category];
    expect(template.length).toBeGreaterThan(0);
    for (const s of template)
      for (const lang of AGREEMENT_LANGUAGES) expect(s.text[lang].length).toBeGreaterThan(10);
    expect(new Set(template.map((s) => s.key)).size).toBe(template.length);
  });

  it('turns a suggestion into a draft term that asks for exactly the sum, date and account', () => {
    const d = sampleDraft();
    const debt = AGREEMENT_TEMPLATES.civil.find((s) => s.key === 'civil.debt');
    const penalty = AGREEMENT_TEMPLATES.civil.find((s) => s.key === 'civil.penalty');
    if (debt?.kind !== 'obligation' || penalty?.kind !== 'clause') throw new Error('template changed');
    d.obligations = [obligationFrom(debt, { id: 'n1', debtor: 'b', creditor: 'a', languages: d.languages })];
    d.clauses = [clauseFrom(penalty, { id: 'n2', languages: d.languages })];
    expect(
      validateAgreement(d)
        .map((p) => `${p.code}@${p.path}`)
        .sort(),
    ).toEqual([
      'amount_invalid@obligations[0].subject.amountTiyn',
      'deadline_required@obligations[0].deadline',
      'iban_invalid@obligations[0].method.iban',
    ]);
  });

  it('suggests no clause that looks like a suspensive condition', () => {
    const d = sampleDraft();
    d.clauses = Object.values(AGREEMENT_TEMPLATES)
      .flat()
      .flatMap((s, i) =>
        s.kind === 'clause' ? [clauseFrom(s, { id: `t${i}`, languages: d.languages })] : [],
      );
    expect(validateAgreement(d).filter((p) => p.code === 'condition_wording')).toEqual([]);
  });
});
