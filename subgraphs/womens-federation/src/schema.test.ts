import { printDepartmentSdl } from '@rg/subgraph-kit';
import { womensFederationSubgraph } from './index';

/** The federation contract with hr and poverty, as the gateway reads it. */
describe('womens-federation SDL', () => {
  let sdl: string;
  beforeAll(async () => {
    sdl = (await printDepartmentSdl(womensFederationSubgraph.schema)).replace(/"""[^]*?"""\s*/g, '');
  });

  it('owns WomenSupportCase', () => {
    expect(sdl).toMatch(/type WomenSupportCase\s+@key\(fields: "id"\)/);
  });

  it("contributes Trainee.womenSupport on the personKey key only, nullable to survive an outage", () => {
    expect(sdl).toMatch(/type Trainee\s+@key\(fields: "personKey"\)\s*\{\s*personKey: String!\s*womenSupport: \[WomenSupportCase!\]\s*\}/);
  });

  it("requires poverty's poor women trainees for poorWomenSupportedShare", () => {
    expect(sdl).toContain('poorWomenTraineeKeySet: String @external');
    expect(sdl).toContain('poorWomenSupportedShare: Indicator @requires(fields: "poorWomenTraineeKeySet")');
    expect(sdl).toMatch(/womenSupportCasesOpened: Indicator\n/); // nullable: a department that is down nulls only its own figures
    expect(sdl).toMatch(/type Region\s+@key\(fields: "code"\)[^}]*womenSupportCaseCount: Int\n[^}]*openWomenSupportCaseCount: Int\n/);
  });

  it('never answers with a citizen ID or its prefix (only openSupportCase takes one)', () => {
    const outputTypes = sdl.match(/^type [^]*?^\}/gm) ?? [];
    expect(outputTypes.length).toBeGreaterThan(5);
    for (const type of outputTypes) expect(type).not.toMatch(/citizenId|personKeyPrefix/i);
    expect(sdl).toMatch(/input OpenSupportCaseInput \{\s*citizenId: String!/);
  });
});
