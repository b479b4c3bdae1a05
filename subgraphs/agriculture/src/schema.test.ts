import { printDepartmentSdl } from '@rg/subgraph-kit';
import { agricultureSubgraph } from './index';

/** The federation contract with hr, as the gateway reads it. */
describe('agriculture SDL', () => {
  let sdl: string;
  beforeAll(async () => {
    sdl = (await printDepartmentSdl(agricultureSubgraph.schema)).replace(/"""[^]*?"""\s*/g, '');
  });

  it('owns IncubatorPark and lists its residents as Venture stubs', () => {
    expect(sdl).toMatch(/type IncubatorPark\s+@key\(fields: "id"\)/);
    expect(sdl).toContain('residents: [Venture!]!');
  });

  it("contributes Venture.park and Venture.residencies (its park history) to hr's Venture and nothing else", () => {
    expect(sdl).toMatch(/type Venture\s+@key\(fields: "id"\)\s*\{\s*id: ID!\s*park: IncubatorPark\s*residencies: \[Residency!\]!\s*\}/);
  });

  it('adds newParks to the shared scorecard and its figures to Region', () => {
    expect(sdl).toMatch(/newParks: Indicator\n/); // nullable: a department that is down nulls only its own figures
    expect(sdl).toMatch(/type Region\s+@key\(fields: "code"\)[^}]*parkCount: Int\n[^}]*parkCapacity: Int\n[^}]*residentVentureCount: Int\n/);
  });
});
