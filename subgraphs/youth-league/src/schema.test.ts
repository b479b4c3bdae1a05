import { printDepartmentSdl } from '@rg/subgraph-kit';
import { youthLeagueSubgraph } from './index';

/** The federation contract with hr, as the gateway reads it. */
describe('youth-league SDL', () => {
  let sdl: string;
  beforeAll(async () => {
    sdl = (await printDepartmentSdl(youthLeagueSubgraph.schema)).replace(/"""[^]*?"""\s*/g, '');
  });

  it('owns SuccessStory and points at hr by key only', () => {
    expect(sdl).toMatch(/type SuccessStory\s+@key\(fields: "id"\)/);
    expect(sdl).toContain('protagonist: Trainee\n');
    expect(sdl).toContain('venture: Venture!');
    expect(sdl).toContain('recipient: Trainee\n');
  });

  it("contributes stories and awards to hr's Trainee on the personKey key only, nullable to survive an outage", () => {
    expect(sdl).toMatch(/type Trainee\s+@key\(fields: "personKey"\)\s*\{\s*personKey: String!\s*stories: \[SuccessStory!\]\s*awards: \[Award!\]\s*\}/);
    // An enterprise's awards too (an award to a venture), nullable for the same reason.
    expect(sdl).toMatch(/type Venture\s+@key\(fields: "id"\)\s*\{\s*id: ID!\s*stories: \[SuccessStory!\]\s*awards: \[Award!\]\s*\}/);
  });

  it('adds its figures to Region and storiesPublished to the scorecard', () => {
    expect(sdl).toMatch(/type Region\s+@key\(fields: "code"\)[^}]*storyCount: Int\n[^}]*awardCount: Int\n/);
    expect(sdl).toMatch(/storiesPublished: Indicator\n/); // nullable: a department that is down nulls only its own figures
  });

  it('never answers with a citizen ID or a stored key', () => {
    const outputTypes = sdl.match(/^type [^]*?^\}/gm) ?? [];
    expect(outputTypes.length).toBeGreaterThan(5);
    for (const type of outputTypes) expect(type).not.toMatch(/citizenId|protagonistPersonKey|ventureId/i);
  });
});
