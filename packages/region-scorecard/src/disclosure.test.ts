import 'reflect-metadata';
import {
  DEFAULT_DISCLOSURE_MIN_COUNT, disclosureMinCount, disclosurePolicy, isSmallCell, refusesKeySet, shown, suppressCount,
  suppressShare, suppressTotal, type DisclosurePolicy,
} from './disclosure';
import { discloseFigures } from './region-disclosure';
import { disclosedIndicator, indicator, NOT_YET } from './scorecard';
import { PUBLIC_VIEWER } from '@rg/access';

const PUBLIC: DisclosurePolicy = { minCount: 5, exact: false };
const RECORDS: DisclosurePolicy = { minCount: 5, exact: true };
const NOTE = 'fewer than 5 people: suppressed to protect privacy';

describe('the threshold', () => {
  it('is 5 by default and read from DISCLOSURE_MIN_COUNT', () => {
    expect(DEFAULT_DISCLOSURE_MIN_COUNT).toBe(5);
    expect(disclosureMinCount({})).toBe(5);
    expect(disclosureMinCount({ DISCLOSURE_MIN_COUNT: '' })).toBe(5);
    expect(disclosureMinCount({ DISCLOSURE_MIN_COUNT: '10' })).toBe(10);
    expect(disclosureMinCount({ DISCLOSURE_MIN_COUNT: '1' })).toBe(1);
  });

  it.each(['0', '-3', '2.5', 'five', '5 people'])('refuses %p, naming the variable', (value) => {
    expect(() => disclosureMinCount({ DISCLOSURE_MIN_COUNT: value })).toThrow(/DISCLOSURE_MIN_COUNT must be a whole number/);
  });

  it('gives exact figures to every signed-in role and withholds small cells from the public', () => {
    expect(disclosurePolicy(PUBLIC_VIEWER, {})).toEqual({ minCount: 5, exact: false });
    for (const role of ['analyst', 'admin', 'hr', 'poverty'] as const) {
      expect(disclosurePolicy({ role, subject: 's', scopes: [] }, { DISCLOSURE_MIN_COUNT: '7' })).toEqual({ minCount: 7, exact: true });
    }
  });

  it('treats 1 … threshold − 1 as small, and neither zero nor the threshold', () => {
    expect([0, 1, 4, 5, 6].map((n) => isSmallCell(n, 5))).toEqual([false, true, true, false, false]);
    expect(isSmallCell(1, 1)).toBe(false); // a threshold of 1 turns suppression off
  });
});

describe('counts and totals', () => {
  it('withholds a count of 1 … 4 from the public, with the reason', () => {
    for (const n of [1, 2, 3, 4]) expect(suppressCount(n, PUBLIC)).toEqual({ value: null, suppressed: true, note: NOTE });
    expect(suppressCount(3, PUBLIC, 'households').note).toBe('fewer than 5 households: suppressed to protect privacy');
  });

  it('shows zero, the threshold and above to the public, and every count to record readers', () => {
    for (const n of [0, 5, 6, 1000]) expect(suppressCount(n, PUBLIC)).toEqual({ value: n, suppressed: false, note: null });
    for (const n of [1, 4]) expect(suppressCount(n, RECORDS)).toEqual({ value: n, suppressed: false, note: null });
  });

  it('withholds a total that rests on 1 … 4 people, whatever its size', () => {
    expect(suppressTotal(450_000, 3, PUBLIC)).toMatchObject({ value: null, suppressed: true });
    expect(suppressTotal(450_000, 5, PUBLIC)).toMatchObject({ value: 450_000, suppressed: false });
    expect(suppressTotal(0, 0, PUBLIC)).toMatchObject({ value: 0, suppressed: false });
    expect(suppressTotal(450_000, 3, RECORDS)).toMatchObject({ value: 450_000, suppressed: false });
  });
});

describe('shares', () => {
  it('withholds a share whose numerator, complement or denominator is 1 … 4', () => {
    expect(suppressShare(3, 40, PUBLIC)).toMatchObject({ value: null, suppressed: true, note: NOTE }); // 3 have it
    expect(suppressShare(37, 40, PUBLIC)).toMatchObject({ value: null, suppressed: true }); // 3 do not
    expect(suppressShare(0, 4, PUBLIC)).toMatchObject({ value: null, suppressed: true }); // a group of 4
    expect(suppressShare(4, 4, PUBLIC)).toMatchObject({ value: null, suppressed: true });
  });

  it('shows a share of large enough groups, 0 and 1 included, and every share to record readers', () => {
    expect(suppressShare(10, 40, PUBLIC)).toEqual({ value: 0.25, suppressed: false, note: null });
    expect(suppressShare(0, 40, PUBLIC)).toEqual({ value: 0, suppressed: false, note: null });
    expect(suppressShare(40, 40, PUBLIC)).toEqual({ value: 1, suppressed: false, note: null });
    expect(suppressShare(0, 0, PUBLIC)).toEqual({ value: 0, suppressed: false, note: null }); // no group: 0, as ratio says
    expect(suppressShare(1, 3, RECORDS)).toEqual({ value: 1 / 3, suppressed: false, note: null });
  });
});

describe('key sets between departments', () => {
  it('refuses 1 … 4 distinct people, however often they are repeated, and answers the empty set', () => {
    expect(refusesKeySet([], 5)).toBe(false);
    expect(refusesKeySet([1n], 5)).toBe(true);
    expect(refusesKeySet([1n, 2n, 3n, 4n], 5)).toBe(true);
    expect(refusesKeySet([1n, 1n, 1n, 1n, 1n, 2n], 5)).toBe(true); // padding with copies does not pass
    expect(refusesKeySet([1n, 2n, 3n, 4n, 5n], 5)).toBe(false);
  });
});

describe('indicators and region figures', () => {
  const PASS_TARGET = { value: 0.8, source: 'national notice' };
  const NO_TARGET = 'no policy target set for this region and year: reported, not judged';

  it('judges a shown value against its target and leaves a withheld one unjudged, with the target still given', () => {
    expect(indicator(0.9, PASS_TARGET)).toEqual({ value: 0.9, target: 0.8, targetSource: 'national notice', met: true, suppressed: false, note: null });
    expect(indicator(0.79, PASS_TARGET)).toMatchObject({ value: 0.79, met: false, note: null });
    expect(disclosedIndicator(suppressShare(2, 10, PUBLIC), PASS_TARGET))
      .toEqual({ value: null, target: 0.8, targetSource: 'national notice', met: null, suppressed: true, note: NOTE });
    expect(disclosedIndicator(suppressCount(12, PUBLIC), null))
      .toEqual({ value: 12, target: null, targetSource: null, met: null, suppressed: false, note: NO_TARGET });
  });

  it('leaves a figure whose cohort is not old enough unjudged, saying why, and a withheld one with the privacy reason', () => {
    const young = 'not judged: cohort too young';
    expect(disclosedIndicator(shown(0.9), PASS_TARGET, young)).toEqual({ value: 0.9, target: 0.8, targetSource: 'national notice', met: null, suppressed: false, note: young });
    expect(disclosedIndicator(NOT_YET, PASS_TARGET, young)).toMatchObject({ value: null, met: null, suppressed: false, note: young });
    expect(disclosedIndicator(suppressShare(2, 10, PUBLIC), PASS_TARGET, young)).toMatchObject({ value: null, suppressed: true, note: NOTE });
  });

  it('applies each figure its rule: a count, or a total resting on another figure', () => {
    const figures = { traineeCount: 3, loansIssuedYuan: 300_000, borrowerCount: 2, ventureCount: 1 };
    const rules = { traineeCount: { count: true as const }, loansIssuedYuan: { totalOf: 'borrowerCount' as const } };
    expect(discloseFigures(figures, rules, PUBLIC)).toEqual({
      traineeCount: { value: null, suppressed: true, note: NOTE }, loansIssuedYuan: { value: null, suppressed: true, note: NOTE },
    });
    expect(discloseFigures({ ...figures, traineeCount: 9, borrowerCount: 6 }, rules, PUBLIC)).toEqual({
      traineeCount: { value: 9, suppressed: false, note: null }, loansIssuedYuan: { value: 300_000, suppressed: false, note: null },
    });
    expect(discloseFigures(figures, rules, RECORDS).traineeCount.value).toBe(3);
  });
});
