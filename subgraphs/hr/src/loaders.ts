import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { entityRows, loaderByGroup, loaderByKey, loaderOfValues, preparedQuery } from '@rg/data-helpers';
import {
  Course, Enrolment, FollowUp, InstitutionDebarment, InstitutionDesignation, InstitutionEvaluation, Loan, Mentor, Trainee,
  TrainingInstitution, TrainingSubsidy, Venture,
} from './entities';
import { regionFigures, type HrRegionFigures } from './figures/region-figures';
import { scorecardFigures, type HrScorecardFigures } from './figures/scorecard-figures';
import { cohortKeySets, type HrCohortKeySets } from './figures/cohort-key-sets';
import { monthlyFigures, type HrMonthFigures } from './figures/monthly-figures';
import { programmeFigures, type HrProgrammeFigures } from './figures/programme-figures';
import { parkEntrantKeySets, supportPriorityFigures, type HrSupportPriorityFigures } from './figures/support-priority-figures';
import { createDesignationLoaders } from './designation-loaders';

/**
 * Courses by id with their institutions in the same statement, priming `institutionById`: a
 * page's enrolments show the course and its institution, and asking for them one level at a
 * time cost a round trip more on every page. The join is safe at any batch size: courses are
 * found by primary key and the institutions are a table of a few hundred rows. (A trainee's
 * ventures, loans and enrolments are not joined so: at a thousand keys the planner would hash
 * the whole loan or course table instead of probing its index.)
 */
function coursesWithInstitutions(db: DataSource, institutionById: DataLoader<number, TrainingInstitution | null>) {
  const courses = entityRows(db, Course);
  const institutions = entityRows(db, TrainingInstitution);
  return async (ids: readonly number[]): Promise<Course[]> => {
    const rows = await preparedQuery(
      db,
      `SELECT ${courses.columns('c', 'c_')}, ${institutions.columns('i', 'i_')}
       FROM ${courses.table} c LEFT JOIN ${institutions.table} i ON i.id = c.institution_id
       WHERE c.id = ANY($1::int[])`,
      [ids],
    );
    return rows.map((row) => {
      if (row.i_id !== null) {
        const institution = institutions.hydrate(row, 'i_');
        institutionById.prime(institution.id, institution);
      }
      return courses.hydrate(row, 'c_');
    });
  };
}

/**
 * The relations a page of trainees shows, read in plain SQL (entity-rows.ts): on a page of
 * 500, TypeORM's query building and hydration of a thousand ventures, loans and enrolments
 * cost more than the statements.
 */
function rowsBy<T extends object>(db: DataSource, entity: new () => T, column: string) {
  const rows = entityRows(db, entity);
  return (keys: readonly number[]) => rows.select(`WHERE ${column} = ANY($1::int[]) ORDER BY id`, [keys]);
}

export function createLoaders(db: DataSource) {
  const repo = <T extends object>(entity: new () => T) => db.getRepository(entity);
  const institutionById = loaderByKey(
    (ids: readonly number[]) => repo(TrainingInstitution).findBy({ id: In([...ids]) }),
    (i) => i.id,
  );
  const courseById = loaderByKey(coursesWithInstitutions(db, institutionById), (c) => c.id);
  return {
    traineeById: loaderByKey((ids: readonly number[]) => repo(Trainee).findBy({ id: In([...ids]) }), (t) => t.id),
    traineeByPersonKey: loaderByKey(
      (keys: readonly string[]) => repo(Trainee).findBy({ personKey: In([...keys]) }),
      (t) => t.personKey,
    ),
    ventureById: loaderByKey((ids: readonly number[]) => repo(Venture).findBy({ id: In([...ids]) }), (v) => v.id),
    venturesByFounder: loaderByGroup(rowsBy(db, Venture, 'founder_id'), (v) => v.founderId),
    enrolmentsByTrainee: loaderByGroup(rowsBy(db, Enrolment, 'trainee_id'), (e) => e.traineeId),
    courseById,
    institutionById,
    loansByBorrower: loaderByGroup(rowsBy(db, Loan, 'borrower_id'), (l) => l.borrowerId),
    loansByVenture: loaderByGroup(rowsBy(db, Loan, 'venture_id'), (l) => l.ventureId!),
    followUpsByTrainee: loaderByGroup(
      (ids: readonly number[]) => repo(FollowUp).find({ where: { traineeId: In([...ids]) }, order: { id: 'ASC' } }),
      (f) => f.traineeId,
    ),
    mentorById: loaderByKey((ids: readonly number[]) => repo(Mentor).findBy({ id: In([...ids]) }), (m) => m.id),
    designationsByInstitution: loaderByGroup(
      (ids: readonly number[]) => repo(InstitutionDesignation).find({ where: { institutionId: In([...ids]) }, order: { designatedFrom: 'ASC', id: 'ASC' } }),
      (d) => d.institutionId,
    ),
    evaluationsByInstitution: loaderByGroup(
      (ids: readonly number[]) => repo(InstitutionEvaluation).find({ where: { institutionId: In([...ids]) }, order: { year: 'ASC' } }),
      (e) => e.institutionId,
    ),
    debarmentsByInstitution: loaderByGroup(
      (ids: readonly number[]) => repo(InstitutionDebarment).find({ where: { institutionId: In([...ids]) }, order: { debarredOn: 'ASC', id: 'ASC' } }),
      (d) => d.institutionId,
    ),
    subsidiesByEnrolment: loaderByGroup(
      (ids: readonly number[]) => repo(TrainingSubsidy).find({ where: { enrolmentId: In([...ids]) }, order: { paidOn: 'ASC', id: 'ASC' } }),
      (s) => s.enrolmentId,
    ),
    regionFigures: loaderOfValues<string, HrRegionFigures | null>((codes) => regionFigures(db, codes), null),
    scorecardFigures: loaderOfValues<string, HrScorecardFigures | null>((keys) => scorecardFigures(db, keys), null),
    /** The scorecard's trained cohorts as key sets, asked only for poverty's matching. */
    cohortKeySets: loaderOfValues<string, HrCohortKeySets | null>((keys) => cohortKeySets(db, keys), null),
    /** Keyed by region-year ("regionCode:year"): the twelve months at once. */
    monthlyFigures: loaderOfValues<string, HrMonthFigures[] | null>((keys) => monthlyFigures(db, keys), null),
    programmeFigures: loaderOfValues<string, HrProgrammeFigures | null>((keys) => programmeFigures(db, keys), null),
    // Priority of the poor across support policies (support-priority-figures.ts).
    supportPriorityFigures: loaderOfValues<string, HrSupportPriorityFigures | null>((keys) => supportPriorityFigures(db, keys), null),
    /** Keyed by agriculture's park entrants, venture ids comma-joined in ascending order. */
    parkEntrantKeySets: loaderOfValues<string, string>((keys) => parkEntrantKeySets(db, keys), ''),
    ...createDesignationLoaders(db),
  };
}

export type HrLoaders = ReturnType<typeof createLoaders>;
