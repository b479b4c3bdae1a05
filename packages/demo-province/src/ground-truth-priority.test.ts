import { PROVINCE_CODE } from '@rg/regions';
import { PLAN_YEARS } from '@rg/scorecard';
import { generateWorld } from './generate';
import { expectedSupportCaseFindings, expectedSupportPriority } from './ground-truth-priority';
import { PLANTED } from './support-priority';

describe('support-priority ground truth on the default world', () => {
  const world = generateWorld();
  const sum = (pick: (year: number) => number) => PLAN_YEARS.reduce((n, year) => n + pick(year), 0);

  it('finds exactly the planted support-case mistakes, each way, with the registry ids where there are some', () => {
    const findings = PLAN_YEARS.flatMap((year) => expectedSupportCaseFindings(world, PROVINCE_CODE, year));
    const count = (kind: string) => findings.filter((f) => f.kind === kind).length;
    expect(count('PRIORITY_NOT_IN_REGISTRY')).toBe(PLANTED.wronglyPrioritised);
    expect(count('REGISTRY_POOR_NOT_PRIORITISED')).toBe(PLANTED.poorNotPrioritised);
    for (const f of findings.filter((x) => x.kind === 'REGISTRY_POOR_NOT_PRIORITISED')) {
      expect(f.householdId).not.toBeNull();
      expect(f.memberId).not.toBeNull();
    }
    expect(sum((year) => expectedSupportPriority(world, PROVINCE_CODE, year).values.supportCaseFindings)).toBe(findings.length);
  });

  it('counts the planted untrained founders among the returnee ventures, and only them as untrained', () => {
    const untrained = sum((year) => {
      const c = expectedSupportPriority(world, PROVINCE_CODE, year).counts;
      return c.ventures - c.trainedFounderVentures;
    });
    expect(untrained).toBe(PLANTED.untrainedFounders);
    expect(sum((year) => expectedSupportPriority(world, PROVINCE_CODE, year).values.returneeVentures))
      .toBe(world.hr.ventures.filter((v) => v.openedOn >= '2016-01-01' && v.openedOn <= '2020-12-31').length);
  });

  it('has poor borrowers, poor women founders and park places to poor founders in every plan year', () => {
    for (const year of PLAN_YEARS) {
      const { counts, values } = expectedSupportPriority(world, PROVINCE_CODE, year);
      expect(counts.poorBorrowers).toBeGreaterThan(0);
      expect(counts.poorWomenBorrowers).toBeGreaterThan(0);
      expect(counts.poorWomenFounders).toBeGreaterThan(0);
      expect(counts.poorParkEntrants).toBeGreaterThan(0);
      expect(values.poorBorrowerShare).toBeCloseTo(counts.poorBorrowers / counts.borrowers, 12);
      expect(values.poorParkEntrantShare).toBeCloseTo(counts.poorParkEntrants / counts.parkEntrants, 12);
      expect(values.poorParkEntrantShare).toBeLessThan(1);
    }
  });
});
