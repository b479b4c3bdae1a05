import type { DataSource } from 'typeorm';
import type { World } from '@rg/demo-province';
import { personKeyPrefix } from '@rg/person-key';
import { bulkTally, loadTables, table } from '@rg/data-helpers';
import { TRAINEE_TALLY } from './migrations/1764400000000-trainee-tally';
import { VENTURE_TALLY } from './migrations/1764500000000-venture-tally';
import { VENTURE_SURVIVAL_TALLY } from './migrations/1766460000000-venture-survival-tally';
import { LOAN_TALLY } from './migrations/1766000000000-loan-tally';
import { COMPLETION_TALLY } from './migrations/1766100000000-completion-tally';
import { OPENING_TALLY_FILL } from './migrations/1766200000000-opening-tally';

type Progress = (table: string, done: number, total: number) => void;

/** Loads hr's part of a generated province with COPY; does nothing if trainees exist already. */
export async function seed(db: DataSource, world: World, onProgress?: Progress): Promise<void> {
  const [{ exists }] = await db.query('SELECT EXISTS (SELECT 1 FROM trainee) AS exists');
  if (exists) return;
  const hr = world.hr;
  const firstCompleted = new Map<number, string>();
  for (const e of hr.enrolments) {
    if (!e.completedOn) continue;
    const current = firstCompleted.get(e.traineeId);
    if (!current || e.completedOn < current) firstCompleted.set(e.traineeId, e.completedOn);
  }
  // Trainees first: the tallies of the tables that reference them take keys from them. Then the
  // chain the seeding waits on longest (enrolments, ventures, loans: each waits for trainees and
  // fills a tally), which the loader serves before the tables after it.
  await loadTables(db, [
    table('trainee',
      ['id', 'citizen_id', 'person_key', 'person_key_prefix', 'name', 'phone', 'gender', 'birth_year', 'region_code',
        'category', 'stage', 'registered_on', 'first_completed_on'],
      hr.trainees,
      (t) => [t.id, t.citizenId, t.personKey, personKeyPrefix(t.personKey), t.name, t.phone, t.gender, t.birthYear,
        t.regionCode, t.category, t.stage, t.registeredOn, firstCompleted.get(t.id) ?? null],
      { tallies: [bulkTally(TRAINEE_TALLY), OPENING_TALLY_FILL.trainee] }),
    table('enrolment',
      ['id', 'trainee_id', 'course_id', 'enrolled_on', 'completed_on', 'passed', 'certificate_no', 'satisfaction'],
      hr.enrolments,
      (e) => [e.id, e.traineeId, e.courseId, e.enrolledOn, e.completedOn, e.passed, e.certificateNo, e.satisfaction],
      { tallies: [bulkTally(COMPLETION_TALLY)] }),
    table('venture', ['id', 'founder_id', 'name', 'industry', 'region_code', 'opened_on', 'jobs_created', 'closed_on'],
      hr.ventures, (v) => [v.id, v.founderId, v.name, v.industry, v.regionCode, v.openedOn, v.jobsCreated, v.closedOn],
      { tallies: [bulkTally(VENTURE_TALLY), bulkTally(VENTURE_SURVIVAL_TALLY), OPENING_TALLY_FILL.venture] }),
    table('loan',
      ['id', 'borrower_id', 'venture_id', 'amount_yuan', 'bank', 'issued_on', 'interest_subsidised', 'repaid_on',
        'guarantee_type', 'interest_subsidy_yuan', 'defaulted_on'],
      hr.loans, (l) => [l.id, l.borrowerId, l.ventureId, l.amountYuan, l.bank, l.issuedOn, l.interestSubsidised, l.repaidOn,
        l.guaranteeType, l.interestSubsidyYuan, l.defaultedOn],
      { tallies: [bulkTally(LOAN_TALLY)] }),
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
  ], (name, done, total) => onProgress?.(`hr.${name}`, done, total));
}
