import { printDepartmentSdl } from '@rg/subgraph-kit';
import { povertySubgraph } from './index';

/** The federation contract with hr and womens-federation, as the gateway reads it. */
describe('poverty SDL', () => {
  let sdl: string;
  beforeAll(async () => {
    sdl = (await printDepartmentSdl(povertySubgraph.schema)).replace(/"""[^]*?"""\s*/g, '');
  });

  it('hands hr the member keys PoorHousehold.members @requires', () => {
    expect(sdl).toMatch(/type PoorHousehold\s+@key\(fields: "id"\)/);
    expect(sdl).toContain('memberPersonKeys: [String!]!');
  });

  it('contributes Trainee.povertyHousehold on the personKey key only', () => {
    expect(sdl).toMatch(/type Trainee\s+@key\(fields: "personKey"\)\s*\{\s*personKey: String!\s*povertyHousehold: PoorHousehold\s*\}/);
  });

  it("requires hr's key sets for the poverty indicators", () => {
    expect(sdl).toContain('traineeKeySet: String! @external');
    expect(sdl).toContain('womenTraineeFlags: String! @external');
    expect(sdl).toContain('poorTraineeShare: Indicator @requires(fields: "traineeKeySet")');
    // The women's fields require the same pair, so the gateway sends the cohort once, in one fetch.
    expect(sdl).toContain('poorWomenTrainees: Indicator @requires(fields: "traineeKeySet womenTraineeFlags")');
    expect(sdl).toContain('poorWomenTraineeKeySet: String @inaccessible @requires(fields: "traineeKeySet womenTraineeFlags")');
  });

  it('never answers with a citizen ID (only mutation inputs take one)', () => {
    const outputTypes = sdl.match(/^type [^]*?^\}/gm) ?? [];
    expect(outputTypes.length).toBeGreaterThan(5);
    for (const type of outputTypes) expect(type).not.toMatch(/citizenId/i);
  });
});
