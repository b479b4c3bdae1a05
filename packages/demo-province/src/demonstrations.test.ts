import { countiesUnder } from '@rg/regions';
import { generateWorld } from './generate';
import { DESIGNATIONS_PER_KIND, ENTERPRISE_AWARDS, REVOKED_KINDS } from './demonstrations';
import { expectedActiveDesignations, expectedDesignations, revokedIn } from './ground-truth-designations';

/** The planted designations and enterprise awards: their numbers, their subjects and the reviews' rules the API enforces. */
describe('demonstrations of the demo province', () => {
  const world = generateWorld({ trainees: 1500 });
  const { demonstrations, demonstrationReviews, ventures, trainees } = world.hr;

  it('plants each kind in its number, each naming exactly its own subject in a county', () => {
    for (const [kind, n] of Object.entries(DESIGNATIONS_PER_KIND)) expect({ kind, n: expectedDesignations(world, { kind: kind as never }).length }).toEqual({ kind, n });
    const counties = new Set(countiesUnder('320000'));
    const parks = new Map(world.agriculture.parks.map((p) => [p.id, p]));
    for (const d of demonstrations) {
      expect(counties.has(d.regionCode)).toBe(true);
      expect(d.year >= 2016 && d.year <= 2020).toBe(true);
      expect([d.parkId !== null, d.ventureId !== null, d.traineeId !== null, d.projectName !== null])
        .toEqual([d.kind === 'PARK', d.kind === 'VENTURE', d.kind === 'PERSON', d.kind === 'PROJECT' || d.kind === 'POVERTY_RELIEF_PROJECT']);
      if (d.parkId !== null) expect(parks.get(d.parkId)).toMatchObject({ kind: 'RETURNEE_PARK', regionCode: d.regionCode });
      if (d.ventureId !== null) {
        expect(ventures[d.ventureId - 1].regionCode).toBe(d.regionCode);
        expect(Number(ventures[d.ventureId - 1].openedOn.slice(0, 4))).toBeLessThanOrEqual(d.year);
      }
      if (d.traineeId !== null) expect(trainees[d.traineeId - 1].regionCode).toBe(d.regionCode);
    }
  });

  it('reviews each December after the year designated, once a year, nothing after a revocation', () => {
    const revoked = demonstrations.filter((d) => revokedIn(world, d.id) !== null);
    expect(revoked.map((d) => d.kind).sort()).toEqual([...REVOKED_KINDS].sort());
    for (const d of demonstrations) {
      const years = demonstrationReviews.filter((r) => r.designationId === d.id).map((r) => r.year);
      const end = revokedIn(world, d.id) ?? 2020;
      expect(years).toEqual(Array.from({ length: Math.max(0, end - d.year) }, (_, i) => d.year + 1 + i));
    }
    const counts = expectedActiveDesignations(world, '320000');
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(demonstrations.length - REVOKED_KINDS.length);
  });

  it('awards enterprises after every award to a person, each naming an operating venture only', () => {
    const awards = world.youthLeague.awards;
    const toEnterprises = awards.filter((a) => a.recipientKind === 'VENTURE');
    expect(toEnterprises.length).toBe(ENTERPRISE_AWARDS);
    expect(awards.slice(-ENTERPRISE_AWARDS)).toEqual(toEnterprises);
    for (const a of toEnterprises) {
      expect([a.personKey, a.recipientName]).toEqual([null, null]);
      expect(ventures[a.ventureId! - 1]).toMatchObject({ closedOn: null, regionCode: a.regionCode });
    }
  });
});
