import { DEPARTMENT_MANIFEST, DEPARTMENTS, GATEWAY_PORT, ROLES, databaseUrlVariable, portVariable, subgraphUrlVariable } from '.';

/** The manifest is a contract: names, ports and variables that operators and front ends rely on. */
describe('the department manifest', () => {
  it('keeps the five departments on their contracted ports', () => {
    expect(DEPARTMENT_MANIFEST.slice(0, 5).map((d) => [d.name, d.port])).toEqual([
      ['hr', 4001], ['agriculture', 4002], ['poverty', 4003], ['youth-league', 4004], ['womens-federation', 4005],
    ]);
    expect(GATEWAY_PORT).toBe(4000);
    expect(ROLES).toEqual([...DEPARTMENTS, 'analyst', 'admin']);
  });

  it('gives every department a unique kebab-case name, port, package and database', () => {
    for (const key of ['name', 'port', 'package', 'database'] as const) {
      expect(new Set(DEPARTMENT_MANIFEST.map((d) => d[key])).size).toBe(DEPARTMENT_MANIFEST.length);
    }
    for (const d of DEPARTMENT_MANIFEST) {
      expect(d.name).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      expect(d.package).toBe(`@rg/${d.name}`);
      expect(d.database).toBe(d.name.replace(/-/g, '_'));
      expect(d.port).toBeGreaterThan(GATEWAY_PORT);
    }
  });

  it('names the environment variables from the department', () => {
    expect([databaseUrlVariable('youth-league'), portVariable('youth-league'), subgraphUrlVariable('youth-league')])
      .toEqual(['YOUTH_LEAGUE_DATABASE_URL', 'YOUTH_LEAGUE_PORT', 'YOUTH_LEAGUE_URL']);
  });
});
