import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { IndicatorName } from '@rg/scorecard';
import { noticeTargets } from './notice-targets';

/**
 * The `policy_target` table of a department that owns indicators, filled with the notices'
 * targets for them. The targets are policy, not demo data: a production database starts with
 * them as well, and admins change them with the department's set…PolicyTarget mutation.
 */
export function createPolicyTargetsMigration(department: string, indicators: readonly IndicatorName[]) {
  return class CreatePolicyTargets1765000000000 implements MigrationInterface {
    name = 'CreatePolicyTargets1765000000000';

    async up(db: QueryRunner): Promise<void> {
      await db.query(`
        CREATE TABLE policy_target (
          id serial PRIMARY KEY,
          indicator text NOT NULL,
          region_code char(6) NOT NULL,
          year int NOT NULL CONSTRAINT policy_target_year_check CHECK (year BETWEEN 2000 AND 2100),
          value double precision NOT NULL CONSTRAINT policy_target_value_check CHECK (value >= 0),
          unit text NOT NULL CONSTRAINT policy_target_unit_check CHECK (btrim(unit) <> ''),
          source text NOT NULL CONSTRAINT policy_target_source_check CHECK (btrim(source) <> ''),
          department text NOT NULL,
          CONSTRAINT policy_target_key UNIQUE (indicator, region_code, year)
        )`);
      const rows = noticeTargets(indicators);
      await db.query(
        `INSERT INTO policy_target (indicator, region_code, year, value, unit, source, department)
         SELECT indicator, region_code, year, value, unit, source, $7
         FROM unnest($1::text[], $2::text[], $3::int[], $4::float8[], $5::text[], $6::text[])
           AS t(indicator, region_code, year, value, unit, source)`,
        [rows.map((r) => r.indicator), rows.map((r) => r.regionCode), rows.map((r) => r.year), rows.map((r) => r.value),
          rows.map((r) => r.unit), rows.map((r) => r.source), department],
      );
    }

    async down(db: QueryRunner): Promise<void> {
      await db.query('DROP TABLE policy_target');
    }
  };
}
