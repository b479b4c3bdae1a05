import type { DataSource } from 'typeorm';
import { countiesUnder } from '@rg/regions';
import { toBigintArrayParameter, yearRange } from '@rg/region-scorecard';
import { LOAN_CAP_YUAN } from '@rg/scorecard';

export type FindingKind =
  | 'DECLARED_POOR_NOT_IN_REGISTRY' | 'REGISTRY_POOR_OTHER_CATEGORY' | 'DOUBLE_TRAINING_SUBSIDY'
  | 'LOAN_ABOVE_CAP' | 'LOAN_WITHOUT_VENTURE';

/** One finding as hr sees it: the kind and hr's record ids; poverty adds its own ids by person key. */
export interface FindingRow {
  kind: FindingKind;
  traineeId: number;
  personKey: string;
  loanId: number | null;
  subsidyId: number | null;
}

/**
 * The year's findings in a region. Registry findings concern the year's trained cohort (the
 * set hr hands poverty for poorTraineeShare) and need poverty's answer, `registryPoor`: the
 * cohort's prefixes in a household registered by then. Without it (poverty refused or was not
 * asked) they are left out and the caller says so. The other findings are hr's alone: a
 * subsidy paid in the year that repeats one of the same kind for the same person and course
 * level; a loan issued in the year that took its borrower past the cap, or went to someone
 * who has no business.
 */
export async function eligibilityFindings(
  db: DataSource, regionCode: string, year: number, registryPoor: bigint[] | null,
): Promise<FindingRow[]> {
  const params = [countiesUnder(regionCode), ...yearRange(year)];
  const registry = registryPoor === null ? [] : await db.query(
    `WITH cohort AS (SELECT DISTINCT t.id, t.person_key, t.person_key_prefix, t.category
       FROM enrolment e JOIN trainee t ON t.id = e.trainee_id
       WHERE t.region_code = ANY($1) AND e.completed_on >= $2 AND e.completed_on < $3),
     poor AS (SELECT unnest($4::bigint[]) AS prefix)
     SELECT CASE WHEN c.category = 'REGISTERED_POOR' THEN 'DECLARED_POOR_NOT_IN_REGISTRY' ELSE 'REGISTRY_POOR_OTHER_CATEGORY' END AS kind,
       c.id AS "traineeId", c.person_key AS "personKey", NULL::int AS "loanId", NULL::int AS "subsidyId"
     FROM cohort c
     WHERE (c.category = 'REGISTERED_POOR') <> EXISTS (SELECT 1 FROM poor p WHERE p.prefix = c.person_key_prefix)`,
    [...params, toBigintArrayParameter(registryPoor)],
  );
  const own = await db.query(
    `WITH paid AS (
       SELECT s.id, s.paid_on, e.trainee_id, row_number() OVER (PARTITION BY e.trainee_id, c.type, s.kind ORDER BY s.paid_on, s.id) AS nth
       FROM training_subsidy s JOIN enrolment e ON e.id = s.enrolment_id JOIN course c ON c.id = e.course_id),
     lent AS (
       SELECT l.id, l.issued_on, l.borrower_id, l.venture_id,
         sum(l.amount_yuan) OVER (PARTITION BY l.borrower_id ORDER BY l.issued_on, l.id) AS running
       FROM loan l)
     SELECT 'DOUBLE_TRAINING_SUBSIDY' AS kind, t.id AS "traineeId", t.person_key AS "personKey", NULL::int AS "loanId", p.id AS "subsidyId"
       FROM paid p JOIN trainee t ON t.id = p.trainee_id
       WHERE p.nth > 1 AND t.region_code = ANY($1) AND p.paid_on >= $2 AND p.paid_on < $3
     UNION ALL
     SELECT 'LOAN_ABOVE_CAP', t.id, t.person_key, l.id, NULL
       FROM lent l JOIN trainee t ON t.id = l.borrower_id
       WHERE l.running > ${LOAN_CAP_YUAN} AND t.region_code = ANY($1) AND l.issued_on >= $2 AND l.issued_on < $3
     UNION ALL
     SELECT 'LOAN_WITHOUT_VENTURE', t.id, t.person_key, l.id, NULL
       FROM lent l JOIN trainee t ON t.id = l.borrower_id
       WHERE NOT EXISTS (SELECT 1 FROM venture v WHERE v.founder_id = l.borrower_id)
         AND t.region_code = ANY($1) AND l.issued_on >= $2 AND l.issued_on < $3`,
    params,
  );
  return [...registry, ...own]
    .map((r: Record<string, unknown>) => ({
      kind: r.kind as FindingKind,
      traineeId: Number(r.traineeId),
      personKey: String(r.personKey).trim(),
      loanId: r.loanId === null ? null : Number(r.loanId),
      subsidyId: r.subsidyId === null ? null : Number(r.subsidyId),
    }))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.traineeId - b.traineeId || (a.loanId ?? a.subsidyId ?? 0) - (b.loanId ?? b.subsidyId ?? 0));
}
