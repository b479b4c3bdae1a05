import { PROVINCE_CODE, allCities } from '@rg/regions';
import { PLAN_YEARS } from '@rg/scorecard';
import { generateWorld } from './generate';
import { PLANTED as SUPPORT_PRIORITY_PLANTED } from './support-priority';
import { expectedScorecard } from './ground-truth';
import type { World } from './world';

const share = (part: number, whole: number) => part / whole;

describe('demo province distributions', () => {
  let world: World;
  let registryKeys: Set<string>;
  beforeAll(() => {
    world = generateWorld({ trainees: 3000 });
    registryKeys = new Set(world.poverty.members.map((m) => m.personKey));
  });

  it('mixes categories and genders as the programme does', () => {
    const t = world.hr.trainees;
    const count = (pred: (x: World['hr']['trainees'][number]) => boolean) => t.filter(pred).length;
    expect(share(count((x) => x.category === 'MIGRANT_WORKER'), t.length)).toBeCloseTo(0.55, 1);
    expect(share(count((x) => x.category === 'REGISTERED_POOR'), t.length)).toBeCloseTo(0.2, 1);
    expect(share(count((x) => x.gender === 'FEMALE'), t.length)).toBeCloseTo(0.4, 1);
    const veterans = t.filter((x) => x.category === 'VETERAN');
    expect(share(veterans.filter((x) => x.gender === 'MALE').length, veterans.length)).toBeGreaterThan(0.8);
    expect(new Set(t.map((x) => x.stage))).toEqual(new Set(['AWARENESS', 'STARTUP', 'GROWTH']));
    for (const x of t) expect(x.registeredOn >= '2016-01-01' && x.registeredOn <= '2020-12-31').toBe(true);
  });

  it('lets cities differ in size', () => {
    const sizes = allCities().map((c) => world.hr.trainees.filter((t) => t.regionCode.slice(0, 4) === c.code.slice(0, 4)).length);
    expect(Math.max(...sizes)).toBeGreaterThan(2 * Math.min(...sizes));
  });

  it('puts province rates near the targets, every plan year', () => {
    for (const year of PLAN_YEARS) {
      const s = expectedScorecard(world, PROVINCE_CODE, year);
      expect(s.passRate.value).toBeGreaterThan(0.75);
      expect(s.passRate.value).toBeLessThan(0.9);
      expect(s.openingRate6m.value).toBeGreaterThan(0.4);
      expect(s.openingRate6m.value).toBeLessThan(0.62);
      expect(s.jobsPerVenture.value).toBeGreaterThan(3.8);
      expect(s.jobsPerVenture.value).toBeLessThan(5.2);
      expect(s.survivalRate1y.value).toBeGreaterThan(0.75);
      expect(s.survivalRate1y.value).toBeLessThan(0.92);
    }
    const jobs = world.hr.ventures.reduce((n, v) => n + v.jobsCreated, 0) / world.hr.ventures.length;
    expect(jobs).toBeCloseTo(4.5, 0);
  });

  it('varies pass rates by county', () => {
    const byCounty = new Map<string, [number, number]>();
    const region = new Map(world.hr.trainees.map((t) => [t.id, t.regionCode]));
    for (const e of world.hr.enrolments) {
      if (e.completedOn === null) continue;
      const code = region.get(e.traineeId)!;
      const [passed, all] = byCounty.get(code) ?? [0, 0];
      byCounty.set(code, [passed + (e.passed ? 1 : 0), all + 1]);
    }
    const rates = [...byCounty.values()].filter(([, all]) => all >= 30).map(([p, all]) => p / all);
    expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThan(0.05);
  });

  it('lends to about 40 % of ventures, mostly with interest subsidy', () => {
    const { loans, ventures } = world.hr;
    expect(share(loans.length, ventures.length)).toBeCloseTo(0.4, 1);
    expect(share(loans.filter((l) => l.interestSubsidised).length, loans.length)).toBeCloseTo(0.8, 1);
    expect(loans.some((l) => l.repaidOn !== null)).toBe(true);
  });

  it('lets the registry, not the category, decide who is poor', () => {
    const poor = world.hr.trainees.filter((t) => t.category === 'REGISTERED_POOR');
    const inRegistry = poor.filter((t) => registryKeys.has(t.personKey)).length;
    expect(share(inRegistry, poor.length)).toBeGreaterThan(0.78);
    expect(inRegistry).toBeLessThan(poor.length);
    expect(world.hr.trainees.some((t) => t.category !== 'REGISTERED_POOR' && registryKeys.has(t.personKey))).toBe(true);
    expect(world.hr.trainees.some((t) => t.gender === 'FEMALE' && registryKeys.has(t.personKey))).toBe(true);
    expect(expectedScorecard(world, PROVINCE_CODE, 2020).poorWomenTrainees.value).toBeGreaterThan(0);
  });

  it('registers whole households, head first, some without any trainee', () => {
    const members = new Map<number, World['poverty']['members']>();
    for (const m of world.poverty.members) members.set(m.householdId, [...(members.get(m.householdId) ?? []), m]);
    const traineeKeys = new Set(world.hr.trainees.map((t) => t.personKey));
    let withoutTrainee = 0;
    for (const h of world.poverty.households) {
      const list = members.get(h.id)!;
      expect(list).toHaveLength(h.size);
      expect(h.size).toBeGreaterThanOrEqual(2);
      expect(h.size).toBeLessThanOrEqual(5);
      expect(list[0].relation).toBe('HEAD');
      expect(list.filter((m) => m.relation === 'HEAD')).toHaveLength(1);
      expect(h.householdNo).toMatch(new RegExp(`^${h.regionCode}-${h.registeredYear}-\\d{6}$`));
      for (const m of list) expect(m.citizenId.slice(0, 6)).toBe(h.regionCode);
      expect(h.registeredYear >= 2014 && h.registeredYear <= 2019).toBe(true);
      if (h.exitedYear !== null) expect(h.exitedYear > h.registeredYear && h.exitedYear <= 2020).toBe(true);
      if (!list.some((m) => traineeKeys.has(m.personKey))) withoutTrainee++;
    }
    expect(new Set(world.poverty.households.map((h) => h.householdNo)).size).toBe(world.poverty.households.length);
    expect(share(withoutTrainee, world.poverty.households.length)).toBeCloseTo(0.5, 1);
  });

  it('tells stories of real, still-operating ventures by their founders', () => {
    const ventures = new Map(world.hr.ventures.map((v) => [v.id, v]));
    const trainees = new Map(world.hr.trainees.map((t) => [t.id, t]));
    expect(world.youthLeague.stories.length).toBeGreaterThan(0);
    for (const s of world.youthLeague.stories) {
      const venture = ventures.get(s.ventureId)!;
      const founder = trainees.get(venture.founderId)!;
      expect([s.protagonistPersonKey, s.protagonistName, s.regionCode]).toEqual([founder.personKey, founder.name, venture.regionCode]);
      expect(venture.closedOn).toBeNull();
      if (s.publishedOn) expect(s.publishedOn > venture.openedOn && s.publishedOn <= '2021-12-31').toBe(true);
    }
    expect(world.youthLeague.stories.some((s) => s.publishedOn === null)).toBe(true);
    const protagonists = new Map(world.youthLeague.stories.map((s) => [s.protagonistPersonKey, ventures.get(s.ventureId)!]));
    for (const a of world.youthLeague.awards.filter((award) => award.recipientKind === 'PERSON')) {
      const venture = protagonists.get(a.personKey!)!;
      expect(venture).toBeDefined();
      expect(a.year).toBeGreaterThanOrEqual(Number(venture.openedOn.slice(0, 4)));
    }
  });

  it('gives poor women priority, flagging exactly the registry members but for the planted mistakes', () => {
    const cases = world.womensFederation.cases;
    const traineeKeys = new Set(world.hr.trainees.map((t) => t.personKey));
    // Staff mark priority as the registry stood the year the case opened (registered by then,
    // not exited before it), except for a known number of cases marked wrongly each way.
    const households = new Map(world.poverty.households.map((h) => [h.id, h]));
    const householdOf = new Map(world.poverty.members.map((m) => [m.personKey, households.get(m.householdId)!]));
    const mistakes = { wronglyPrioritised: 0, poorNotPrioritised: 0 };
    for (const c of cases) {
      const h = householdOf.get(c.personKey);
      const year = Number(c.openedOn.slice(0, 4));
      const standing = h !== undefined && h.registeredYear <= year && (h.exitedYear === null || h.exitedYear >= year);
      if (c.poorPriority && !standing) mistakes.wronglyPrioritised++;
      if (!c.poorPriority && standing) mistakes.poorNotPrioritised++;
      expect(c.openedOn >= '2016-01-01' && c.openedOn <= '2020-12-31').toBe(true);
      expect(c.outcome === 'ONGOING').toBe(c.closedOn === null);
      if (c.closedOn) expect(c.closedOn > c.openedOn).toBe(true);
    }
    expect(mistakes).toEqual({ wronglyPrioritised: SUPPORT_PRIORITY_PLANTED.wronglyPrioritised, poorNotPrioritised: SUPPORT_PRIORITY_PLANTED.poorNotPrioritised });
    expect(share(cases.filter((c) => !traineeKeys.has(c.personKey)).length, cases.length)).toBeCloseTo(0.1, 1);
    const women = world.hr.trainees.filter((t) => t.gender === 'FEMALE');
    const supported = new Set(cases.map((c) => c.personKey));
    const rate = (list: typeof women) => share(list.filter((t) => supported.has(t.personKey)).length, list.length);
    expect(rate(women.filter((t) => registryKeys.has(t.personKey)))).toBeCloseTo(0.7, 1);
    expect(rate(women.filter((t) => !registryKeys.has(t.personKey)))).toBeCloseTo(0.25, 1);
  });

  it('has a few dozen returnee parks, about twenty opened during the plan, five other incubators and ~100 projects', () => {
    const { projects } = world.agriculture;
    const parks = world.agriculture.parks.filter((p) => p.kind === 'RETURNEE_PARK');
    const others = world.agriculture.parks.filter((p) => p.kind === 'OTHER_INCUBATOR');
    expect(others.length).toBe(5); // one maker space in every third of the 13 cities, all during the plan
    expect(others.every((p) => p.openedOn >= '2016-01-01' && p.openedOn <= '2020-12-31')).toBe(true);
    expect(parks.length + others.length).toBe(world.agriculture.parks.length);
    expect(parks.length >= 30 && parks.length <= 45).toBe(true);
    const inPlan = parks.filter((p) => p.openedOn >= '2016-01-01' && p.openedOn <= '2020-12-31').length;
    expect(inPlan >= 18 && inPlan <= 22).toBe(true);
    for (const p of world.agriculture.parks) {
      expect(p.capacity >= 20 && p.capacity <= 200).toBe(true);
      expect(p.industries.length >= 2 && p.industries.length <= 4).toBe(true);
      expect(p.openedOn >= '2012-01-01').toBe(true);
    }
    expect(projects.length >= 90 && projects.length <= 110).toBe(true);
    for (const p of projects) {
      expect(p.investmentYuan >= 20_000 && p.investmentYuan <= 300_000).toBe(true);
      expect(p.paybackMonths >= 6 && p.paybackMonths <= 36).toBe(true);
    }
    expect(share(world.agriculture.residencies.length, world.hr.ventures.length)).toBeCloseTo(0.3, 1);
  });
});
