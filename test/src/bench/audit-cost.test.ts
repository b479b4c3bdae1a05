import { auditCosts, statementsOf } from './audit-cost';

/** A slice of PostgreSQL's log as the bench's server writes it (log_line_prefix '%m [%p] %d '). */
const LOG = [
  '2026-11-29 01:00:00.001 UTC [101] hr LOG:  duration: 0.052 ms  bind rg_8386d0a4: SELECT audit_append($1::jsonb)',
  '2026-11-29 01:00:00.002 UTC [101] hr LOG:  duration: 0.410 ms  execute rg_8386d0a4: SELECT audit_append($1::jsonb)',
  '2026-11-29 01:00:00.003 UTC [101] hr LOG:  duration: 2.200 ms  execute rg_13ce9657: SELECT "c"."id" AS "c_id"',
  '\tFROM course c',
  '2026-11-29 01:00:00.004 UTC [102] womens_federation LOG:  duration: 0.090 ms  parse <unnamed>: SELECT audit_append($1::jsonb)',
  '2026-11-29 01:00:00.005 UTC [102] womens_federation LOG:  duration: 0.300 ms  execute <unnamed>: SELECT audit_append($1::jsonb)',
  '2026-11-29 01:00:00.006 UTC [103] youth_league LOG:  duration: 0.200 ms  execute rg_1: SELECT audit_append($1::jsonb)',
  '2026-11-29 01:00:00.007 UTC [103] youth_league LOG:  duration: 0.100 ms  execute rg_1: SELECT audit_append($1::jsonb)',
  '2026-11-29 01:00:00.008 UTC [104] postgres LOG:  duration: 0.500 ms  statement: SELECT audit_append(\'[]\')',
].join('\n');

describe("the audit's own cost in the breakdown", () => {
  it('reads every logged statement, a statement over several lines as one', () => {
    const statements = statementsOf(LOG);
    expect(statements).toHaveLength(8);
    expect(statements[2]).toEqual({ database: 'hr', ms: 2.2, text: 'execute rg_13ce9657: SELECT "c"."id" AS "c_id" FROM course c' });
  });

  it("sums each department's appends, every protocol step of them, and nothing else", () => {
    const costs = auditCosts(statementsOf(LOG));
    expect(costs.get('hr')!.appends).toBe(1);
    expect(costs.get('hr')!.ms).toBeCloseTo(0.462, 6);
    expect(costs.get('womens-federation')!.appends).toBe(1);
    expect(costs.get('womens-federation')!.ms).toBeCloseTo(0.39, 6);
    expect(costs.get('youth-league')).toEqual({ appends: 2, ms: expect.closeTo(0.3, 6) });
    expect(costs.get('poverty')).toEqual({ appends: 0, ms: 0 });
    expect(costs.get('agriculture')).toEqual({ appends: 0, ms: 0 });
  });
});
