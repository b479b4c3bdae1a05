import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { loaderByGroup, loaderByKey, loaderOfValues } from '@rg/data-helpers';
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

type WithInstitution = Course & { institutionRow?: TrainingInstitution | null };

/**
 * Courses by id with their institutions in the same statement, priming `institutionById`: a
 * page's enrolments show the course and its institution, and asking for them one level at a
 * time cost a round trip more on every page. The join is safe at any batch size: courses are
 * found by primary key and the institutions are a table of a few hundred rows. (A trainee's
 * ventures, loans and enrolments are not joined so: at a thousand keys the planner would hash
 * the whole loan or course table instead of probing its index.)
 */
function coursesWithInstitutions(db: DataSource, institutionById: DataLoader<number, TrainingInstitution | null>) {
  return async (ids: readonly number[]): Promise<Course[]> => {
    const courses: WithInstitution[] = await db.getRepository(Course).createQueryBuilder('c')
      .leftJoinAndMapOne('c.institutionRow', TrainingInstitution, 'i', 'i.id = c.institution_id')
      .where('c.id IN (:...ids)', { ids: [...ids] })
      .getMany();
    for (const course of courses) {
      if (course.institutionRow) institutionById.prime(course.institutionRow.id, course.institutionRow);
      delete course.institutionRow;
    }
    return courses;
  };
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
    venturesByFounder: loaderByGroup(
      (ids: readonly number[]) => repo(Venture).find({ where: { founderId: In([...ids]) }, order: { id: 'ASC' } }),
      (v) => v.founderId,
    ),
    enrolmentsByTrainee: loaderByGroup(
      (ids: readonly number[]) => repo(Enrolment).find({ where: { traineeId: In([...ids]) }, order: { id: 'ASC' } }),
      (e) => e.traineeId,
    ),
    courseById,
    institutionById,
    loansByBorrower: loaderByGroup(
      (ids: readonly number[]) => repo(Loan).find({ where: { borrowerId: In([...ids]) }, order: { id: 'ASC' } }),
      (l) => l.borrowerId,
    ),
    loansByVenture: loaderByGroup(
      (ids: readonly number[]) => repo(Loan).find({ where: { ventureId: In([...ids]) }, order: { id: 'ASC' } }),
      (l) => l.ventureId!,
    ),
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
