import { parseCitizenId, personKeyOf, DEVELOPMENT_PERSON_KEY_SECRET } from '@rg/person-key';
import { allCounties, cityOf } from '@rg/regions';
import { LOAN_CAP_YUAN } from '@rg/scorecard';
import { generateWorld, DEFAULT_SEED } from './generate';
import type { World } from './world';

const SECRET = DEVELOPMENT_PERSON_KEY_SECRET;
const DAY = 86_400_000;
const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / DAY;
const byId = <T extends { id: number }>(records: T[]) => new Map(records.map((r) => [r.id, r]));

describe('generateWorld', () => {
  let world: World;
  beforeAll(() => {
    world = generateWorld({ trainees: 3000, personKeySecret: SECRET });
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = JSON.stringify(generateWorld({ trainees: 1500, personKeySecret: SECRET }));
    const b = JSON.stringify(generateWorld({ seed: DEFAULT_SEED, trainees: 1500, personKeySecret: SECRET }));
    const c = JSON.stringify(generateWorld({ seed: 7, trainees: 1500, personKeySecret: SECRET }));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('numbers every record type 1, 2, 3 …', () => {
    for (const department of Object.values(world)) {
      for (const records of Object.values(department) as { id: number }[][]) {
        records.forEach((r, i) => expect(r.id).toBe(i + 1));
      }
    }
  });

  it('gives every person one valid citizen ID, matching gender, birth year, region and key', () => {
    const people = new Map<string, { personKey: string; name: string }>();
    const check = (p: { citizenId: string; personKey: string; name: string; gender: string; birthYear: number }, region?: string) => {
      const id = parseCitizenId(p.citizenId);
      expect(id.gender).toBe(p.gender);
      expect(id.birthYear).toBe(p.birthYear);
      if (region) expect(id.regionCode).toBe(region);
      expect(p.personKey).toBe(personKeyOf(p.citizenId, SECRET));
      const seen = people.get(p.citizenId);
      if (seen) expect(seen).toEqual({ personKey: p.personKey, name: p.name });
      people.set(p.citizenId, { personKey: p.personKey, name: p.name });
    };
    for (const t of world.hr.trainees) {
      check(t, t.regionCode);
      expect(t.birthYear).toBeGreaterThanOrEqual(1965);
      expect(t.birthYear).toBeLessThanOrEqual(2002);
      expect(t.phone).toMatch(/^1[3-9]\d{9}$/);
    }
    const trainees = new Set(world.hr.trainees.map((t) => t.citizenId));
    expect(trainees.size).toBe(world.hr.trainees.length);
    const memberIds = world.poverty.members.map((m) => m.citizenId);
    expect(new Set(memberIds).size).toBe(memberIds.length);
    for (const m of world.poverty.members) check({ ...m });
    for (const c of world.womensFederation.cases) {
      expect(parseCitizenId(c.citizenId).gender).toBe('FEMALE');
      expect(c.personKey).toBe(personKeyOf(c.citizenId, SECRET));
    }
  });

  it('uses every Jiangsu county', () => {
    const used = new Set(world.hr.trainees.map((t) => t.regionCode));
    expect(used.size).toBe(allCounties().length);
    expect(allCounties().length).toBe(104);
  });

  it('points every foreign key at an existing record', () => {
    const { hr, agriculture, poverty, youthLeague } = world;
    const institutions = byId(hr.institutions);
    const courses = byId(hr.courses);
    const trainees = byId(hr.trainees);
    const ventures = byId(hr.ventures);
    const mentors = byId(hr.mentors);
    const parks = byId(agriculture.parks);
    for (const c of hr.courses) expect(institutions.get(c.institutionId)?.regionCode).toBe(c.regionCode);
    for (const e of hr.enrolments) expect(trainees.has(e.traineeId) && courses.has(e.courseId)).toBe(true);
    for (const v of hr.ventures) expect(trainees.get(v.founderId)?.regionCode).toBe(v.regionCode);
    const founders = new Set(hr.ventures.map((v) => v.founderId));
    for (const l of hr.loans) {
      // A loan without a business goes to someone who has none (planted for the eligibility cross-checks).
      if (l.ventureId === null) expect(trainees.has(l.borrowerId) && !founders.has(l.borrowerId)).toBe(true);
      else expect(ventures.get(l.ventureId)?.founderId).toBe(l.borrowerId);
    }
    for (const f of hr.followUps) {
      expect(trainees.has(f.traineeId)).toBe(true);
      // Visits to trainees who started nothing come from the employment service, not a mentor.
      if (f.mentorId === null) expect(founders.has(f.traineeId)).toBe(false);
      else expect(cityOf(mentors.get(f.mentorId)!.regionCode)).toBe(cityOf(trainees.get(f.traineeId)!.regionCode));
    }
    const enrolments = byId(hr.enrolments);
    for (const s of hr.subsidies) expect(enrolments.get(s.enrolmentId)?.completedOn! <= s.paidOn).toBe(true);
    for (const r of [...hr.designations, ...hr.evaluations, ...hr.debarments]) expect(institutions.has(r.institutionId)).toBe(true);
    for (const r of agriculture.residencies) expect(parks.has(r.parkId) && ventures.has(r.ventureId)).toBe(true);
    const households = byId(poverty.households);
    for (const m of poverty.members) expect(households.has(m.householdId)).toBe(true);
    for (const s of youthLeague.stories) expect(ventures.has(s.ventureId)).toBe(true);
  });

  it('keeps enrolments and certificates consistent with their courses', () => {
    const courses = byId(world.hr.courses);
    for (const c of world.hr.courses) {
      expect(c.startsOn >= '2016-01-01' && c.endsOn <= '2020-12-31').toBe(true);
      expect(days(c.startsOn, c.endsOn) + 1).toBeGreaterThanOrEqual(5);
      expect(days(c.startsOn, c.endsOn) + 1).toBeLessThanOrEqual(30);
    }
    const trainees = byId(world.hr.trainees);
    for (const e of world.hr.enrolments) {
      const course = courses.get(e.courseId)!;
      expect(e.enrolledOn <= course.startsOn).toBe(true);
      expect(e.enrolledOn >= trainees.get(e.traineeId)!.registeredOn).toBe(true);
      if (e.completedOn === null) {
        expect([e.passed, e.certificateNo, e.satisfaction]).toEqual([null, null, null]);
      } else {
        expect(e.completedOn).toBe(course.endsOn);
        expect(e.certificateNo !== null).toBe(e.passed);
        if (e.certificateNo) expect(e.certificateNo).toMatch(/^JS20(1[6-9]|20)-\d{6}$/);
        expect(e.satisfaction).toBeGreaterThanOrEqual(1);
        expect(e.satisfaction).toBeLessThanOrEqual(5);
      }
    }
  });

  it('opens, closes and finances ventures in order', () => {
    const trainees = byId(world.hr.trainees);
    const ventures = byId(world.hr.ventures);
    for (const v of world.hr.ventures) {
      expect(v.openedOn >= trainees.get(v.founderId)!.registeredOn).toBe(true);
      expect(v.jobsCreated).toBeGreaterThanOrEqual(1);
      expect(v.jobsCreated).toBeLessThanOrEqual(12);
      if (v.closedOn) expect(v.closedOn > v.openedOn && v.closedOn <= '2021-12-31').toBe(true);
    }
    const financed = new Set<number>();
    for (const l of world.hr.loans) {
      expect(l.amountYuan % 1000).toBe(0);
      expect(l.amountYuan).toBeGreaterThanOrEqual(10_000);
      expect(l.amountYuan).toBeLessThanOrEqual(LOAN_CAP_YUAN);
      if (l.ventureId === null || financed.has(l.ventureId)) continue; // planted for the cross-checks: no business, or past the cap
      financed.add(l.ventureId);
      const gap = days(ventures.get(l.ventureId)!.openedOn, l.issuedOn);
      expect(gap >= 0 && gap <= 90).toBe(true);
      if (l.repaidOn) expect(l.repaidOn > l.issuedOn).toBe(true);
    }
    const perFounder = new Map<number, number>();
    for (const v of world.hr.ventures) perFounder.set(v.founderId, (perFounder.get(v.founderId) ?? 0) + 1);
    const twice = [...perFounder].filter(([, n]) => n > 1).map(([id]) => trainees.get(id)!.stage);
    expect(twice.length).toBeGreaterThan(0);
    expect(new Set(twice)).toEqual(new Set(['GROWTH']));
  });

  it('visits founders after opening, CLOSED exactly once the venture has closed', () => {
    const byFounder = new Map<number, World['hr']['ventures']>();
    for (const v of world.hr.ventures) byFounder.set(v.founderId, [...(byFounder.get(v.founderId) ?? []), v]);
    for (const f of world.hr.followUps) {
      const own = byFounder.get(f.traineeId) ?? [];
      expect(f.visitedOn <= '2021-12-31').toBe(true);
      if (own.length === 0) {
        // A trainee who opened nothing is asked whether they found work instead.
        expect([f.businessStatus, f.employed === null, f.jobs]).toEqual(['PREPARING', false, null]);
        continue;
      }
      expect(own.some((v) => v.openedOn < f.visitedOn)).toBe(true);
      if (own.length > 1) continue; // two ventures: the visit may concern either
      const closedOn = own[0].closedOn;
      expect(f.businessStatus === 'CLOSED').toBe(closedOn !== null && f.visitedOn >= closedOn);
    }
  });

  it('houses ventures in parks of their city without exceeding capacity', () => {
    const parks = byId(world.agriculture.parks);
    const ventures = byId(world.hr.ventures);
    const perPark = new Map<number, number>();
    const openPerVenture = new Map<number, number>();
    for (const r of world.agriculture.residencies) {
      const park = parks.get(r.parkId)!;
      const venture = ventures.get(r.ventureId)!;
      expect(cityOf(park.regionCode)).toBe(cityOf(venture.regionCode));
      expect(park.openedOn <= venture.openedOn).toBe(true);
      expect(r.enteredOn >= venture.openedOn && r.enteredOn >= park.openedOn).toBe(true);
      if (r.leftOn) expect(r.leftOn >= r.enteredOn).toBe(true);
      else openPerVenture.set(r.ventureId, (openPerVenture.get(r.ventureId) ?? 0) + 1);
      perPark.set(r.parkId, (perPark.get(r.parkId) ?? 0) + 1);
    }
    for (const [parkId, n] of perPark) expect(n).toBeLessThanOrEqual(parks.get(parkId)!.capacity);
    for (const n of openPerVenture.values()) expect(n).toBe(1);
    expect(world.agriculture.residencies.length).toBeGreaterThan(0);
  });

  it('finishes a 20,000-trainee world', () => {
    const big = generateWorld({ trainees: 20_000, seed: 3 });
    expect(big.hr.trainees).toHaveLength(20_000);
    expect(big.hr.ventures.length).toBeGreaterThan(5000);
  }, 120_000);
});
