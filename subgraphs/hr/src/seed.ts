import type { DataSource } from 'typeorm';
import { recordsAsGenerated, worldInProgress, type Enrolment, type World } from '@rg/demo-province';
import { personKeyPrefix } from '@rg/person-key';
import { bulkKeySetTally, bulkTally, loadTables, table, type TableLoad } from '@rg/data-helpers';
import { TRAINEE_TALLY } from './migrations/1764400000000-trainee-tally';
import { VENTURE_TALLY } from './migrations/1764500000000-venture-tally';
import { VENTURE_SURVIVAL_TALLY } from './migrations/1766460000000-venture-survival-tally';
import { LOAN_TALLY } from './migrations/1766000000000-loan-tally';
import { COMPLETION_TALLY } from './migrations/1766100000000-completion-tally';
import { OPENING_TALLY_FILL } from './migrations/1766200000000-opening-tally';
import { COHORT_TALLY } from './migrations/1766500000000-cohort-tally';
import { COHORT_KEY_SETS } from './migrations/1766510000000-cohort-key-sets';
import { BORROWER_TALLY } from './migrations/1766520000000-borrower-tally';

type Progress = (table: string, done: number, total: number) => void;

/** Loads hr's part of a generated province with COPY; does nothing if trainees exist already. */
export async function seed(db: DataSource, world: World, onProgress?: Progress): Promise<void> {
  const [{ exists }] = await db.query('SELECT EXISTS (SELECT 1 FROM trainee) AS exists');
  if (exists) return;
  const hr = world.hr;
  // A province still being generated: its trainees are loaded as they come, and every other
  // table once its rows are complete (the enrolments with the trainees, the rest at the end).
  const progress = worldInProgress(world);
  const trainees = progress
    ? { batches: recordsAsGenerated(progress, hr.trainees, progress.trainees), total: progress.traineeCount }
    : hr.trainees;
  const whenTrainees = { ready: progress?.trainees };
  const firstCompleted = firstCompletions(hr.enrolments);
  const loads = [
    table('trainee',
      ['id', 'citizen_id', 'person_key', 'person_key_prefix', 'name', 'phone', 'gender', 'birth_year', 'region_code',
        'category', 'stage', 'registered_on', 'first_completed_on'],
      trainees,
      (t) => [t.id, t.citizenId, t.personKey, personKeyPrefix(t.personKey), t.name, t.phone, t.gender, t.birthYear,
        t.regionCode, t.category, t.stage, t.registeredOn, firstCompleted(t.id)],
      { tallies: [bulkTally(TRAINEE_TALLY), { ...OPENING_TALLY_FILL.trainee, tally: 'opening_tally' }] }),
    table('enrolment',
      ['id', 'trainee_id', 'course_id', 'enrolled_on', 'completed_on', 'passed', 'certificate_no', 'satisfaction'],
      hr.enrolments,
      (e) => [e.id, e.traineeId, e.courseId, e.enrolledOn, e.completedOn, e.passed, e.certificateNo, e.satisfaction],
      { tallies: [{ ...bulkTally(COMPLETION_TALLY), then: [bulkTally(COHORT_TALLY), bulkKeySetTally(COHORT_KEY_SETS)] }], ...whenTrainees, copiesBeforeReferences: true }),
    table('venture', ['id', 'founder_id', 'name', 'industry', 'region_code', 'opened_on', 'jobs_created', 'closed_on'],
      hr.ventures, (v) => [v.id, v.founderId, v.name, v.industry, v.regionCode, v.openedOn, v.jobsCreated, v.closedOn],
      { tallies: [bulkTally(VENTURE_TALLY), bulkTally(VENTURE_SURVIVAL_TALLY), { ...OPENING_TALLY_FILL.venture, tally: 'opening_tally' }] }),
    table('loan',
      ['id', 'borrower_id', 'venture_id', 'amount_yuan', 'bank', 'issued_on', 'interest_subsidised', 'repaid_on',
        'guarantee_type', 'interest_subsidy_yuan', 'defaulted_on'],
      hr.loans, (l) => [l.id, l.borrowerId, l.ventureId, l.amountYuan, l.bank, l.issuedOn, l.interestSubsidised, l.repaidOn,
        l.guaranteeType, l.interestSubsidyYuan, l.defaultedOn],
      { tallies: [{ ...bulkTally(LOAN_TALLY), then: [bulkTally(BORROWER_TALLY)] }], copiesBeforeReferences: true }),
    table('training_institution', ['id', 'name', 'region_code', 'ownership'], hr.institutions,
      (i) => [i.id, i.name, i.regionCode, i.ownership]),
    table('course', ['id', 'institution_id', 'type', 'name', 'region_code', 'starts_on', 'ends_on'], hr.courses,
      (c) => [c.id, c.institutionId, c.type, c.name, c.regionCode, c.startsOn, c.endsOn]),
    table('mentor', ['id', 'name', 'region_code', 'speciality'], hr.mentors, (m) => [m.id, m.name, m.regionCode, m.speciality]),
    table('follow_up',
      ['id', 'trainee_id', 'mentor_id', 'visited_on', 'business_status', 'help_given', 'employed', 'jobs', 'output_value_yuan'],
      hr.followUps,
      (f) => [f.id, f.traineeId, f.mentorId, f.visitedOn, f.businessStatus, f.helpGiven, f.employed, f.jobs, f.outputValueYuan]),
    table('survey_response',
      ['id', 'person_key', 'person_key_prefix', 'gender', 'region_code', 'surveyed_on', 'surveyed_by', 'returned_on',
        'intends_to_start', 'intends_to_train', 'desired_industry', 'needs'],
      hr.surveyResponses,
      (r) => [r.id, r.personKey, personKeyPrefix(r.personKey), r.gender, r.regionCode, r.surveyedOn, r.surveyedBy, r.returnedOn,
        r.intendsToStart, r.intendsToTrain, r.desiredIndustry, r.needs]),
    table('training_subsidy', ['id', 'enrolment_id', 'kind', 'amount_yuan', 'paid_on'], hr.subsidies,
      (s) => [s.id, s.enrolmentId, s.kind, s.amountYuan, s.paidOn]),
    table('institution_designation', ['id', 'institution_id', 'designated_from', 'designated_to', 'reviewing_body'],
      hr.designations, (d) => [d.id, d.institutionId, d.designatedFrom, d.designatedTo, d.reviewingBody]),
    table('institution_evaluation', ['id', 'institution_id', 'year', 'completions', 'passes', 'ventures_within_6m', 'satisfaction'],
      hr.evaluations, (e) => [e.id, e.institutionId, e.year, e.completions, e.passes, e.venturesWithin6m, e.satisfaction]),
    table('institution_debarment', ['id', 'institution_id', 'debarred_on', 'reason'], hr.debarments,
      (d) => [d.id, d.institutionId, d.debarredOn, d.reason]),
    table('designation',
      ['id', 'kind', 'level', 'year', 'title', 'reviewing_body', 'region_code', 'park_id', 'venture_id', 'trainee_id', 'project_name'],
      hr.demonstrations, (d) => [d.id, d.kind, d.level, d.year, d.title, d.reviewingBody, d.regionCode, d.parkId, d.ventureId,
        d.traineeId, d.projectName]),
    table('designation_review', ['id', 'designation_id', 'year', 'result', 'note'], hr.demonstrationReviews,
      (r) => [r.id, r.designationId, r.year, r.result, r.note]),
  ];
  // The trainees and enrolments say when they are ready above; every other table once the
  // generation has no step left that adds to its rows (the survey and the programme's records
  // while the rest is still generated), else at the end.
  const ready = (load: TableLoad) => (load.table === 'trainee' || load.table === 'enrolment' || !progress || !Array.isArray(load.rows)
    ? load : { ...load, ready: progress.final(load.rows) });
  await loadTables(db, loads.map(ready), (name, done, total) => onProgress?.(`hr.${name}`, done, total));
}

/**
 * Each trainee's first completed course, asked for in the order of the trainees' ids, read
 * from the enrolments, which come in that order too: one pass, no map of a million trainees,
 * and it works while the province is still being generated (a trainee's enrolments are all
 * there once the trainee is).
 */
function firstCompletions(enrolments: readonly Enrolment[]): (traineeId: number) => string | null {
  let next = 0;
  let previous = 0;
  return (traineeId) => {
    if (traineeId <= previous) throw new Error(`trainee ${traineeId} asked for after trainee ${previous}: trainees must come in id order`);
    previous = traineeId;
    let first: string | null = null;
    for (; next < enrolments.length && enrolments[next].traineeId <= traineeId; next++) {
      const e = enrolments[next];
      if (e.traineeId < traineeId) throw new Error(`enrolment ${e.id} of trainee ${e.traineeId} comes after trainee ${traineeId}'s`);
      if (e.completedOn && (!first || e.completedOn < first)) first = e.completedOn;
    }
    return first;
  };
}
