import { TOMORROW, NEXT_YEAR, long, wrongCheck, withCheck, type Corpus } from './corpus-kit';

/**
 * hr's programme records — survey answers, institution designation, evaluation, debarment,
 * training subsidies, loan detail — one broken field per case. Their valid inputs are set
 * here, beside the cases that break them.
 */
export function addHrProgrammeCases(corpus: Corpus): void {
  const { hr, fresh, open, BASE, bad, without, page } = corpus;
  const course = new Map(hr.courses.map((c) => [c.id, c]));
  const barred = new Map(hr.debarments.map((d) => [d.institutionId, d.debarredOn]));
  const subsidised = new Set(hr.subsidies.map((s) => s.enrolmentId));
  const enrolmentById = new Map(hr.enrolments.map((e) => [e.id, e]));
  // A passed enrolment at an institution never barred, with no subsidy of its level paid to its trainee.
  const paidLevels = new Set(hr.subsidies.map((s) => {
    const e = enrolmentById.get(s.enrolmentId)!;
    return `${e.traineeId}:${course.get(e.courseId)!.type}`;
  }));
  const unpaid = hr.enrolments.find((e) => e.passed && !subsidised.has(e.id) && !barred.has(course.get(e.courseId)!.institutionId)
    && !paidLevels.has(`${e.traineeId}:${course.get(e.courseId)!.type}`))!;
  const paid = hr.subsidies.find((s) => s.kind === 'COMPLETION' && !barred.has(course.get(enrolmentById.get(s.enrolmentId)!.courseId)!.institutionId))!;
  const failed = hr.enrolments.find((e) => e.completedOn && e.passed === false)!;
  const afterBar = hr.enrolments.find((e) => {
    const day = barred.get(course.get(e.courseId)!.institutionId);
    return e.completedOn !== null && day !== undefined && e.completedOn >= day;
  });
  const ended = hr.designations.find((d) => d.designatedTo !== null)!;
  const running = hr.designations.find((d) => d.designatedTo === null)!;
  const evaluated = hr.evaluations[0];
  const free = hr.institutions.find((i) => !barred.has(i.id))!;
  const outstanding = hr.loans.find((l) => l.interestSubsidised && !l.repaidOn && !l.defaultedOn && l.issuedOn < '2021-01-01' && l.amountYuan < 140_000)!;
  const repaid = hr.loans.find((l) => l.repaidOn !== null)!;
  const unsubsidised = hr.loans.find((l) => !l.interestSubsidised)!;
  const respondent = hr.trainees.find((t) => hr.surveyResponses.some((r) => r.personKey === t.personKey))!;
  const answered = hr.surveyResponses.find((r) => r.personKey === respondent.personKey)!;

  BASE.recordSurveyResponse = {
    citizenId: fresh('320321', '1986-06-06', 'FEMALE'), surveyedOn: '2021-03-01', surveyedBy: '乡镇劳动保障所', returnedOn: '2020-12-01',
    intendsToStart: true, intendsToTrain: true, desiredIndustry: '农村电商', needs: '场地和启动资金',
  };
  BASE.designateInstitution = { institutionId: String(ended.institutionId), designatedFrom: '2021-01-01', reviewingBody: '江苏省人力资源和社会保障厅' };
  BASE.recordInstitutionEvaluation = { institutionId: String(free.id), year: 2021, completions: 40, passes: 33, venturesWithin6m: 12, satisfaction: 4.35 };
  BASE.debarInstitution = { institutionId: String(free.id), debarredOn: '2021-06-01', reason: '虚报培训人数套取补贴' };
  BASE.payTrainingSubsidy = { enrolmentId: String(unpaid.id), kind: 'RESULT', amountYuan: 300, paidOn: '2021-06-01' };
  BASE.recordLoanDetail = { loanId: String(outstanding.id), guaranteeType: 'TWO_RIGHTS_MORTGAGE', interestSubsidyYuan: 2000, defaultedOn: '2021-06-01' };

  let m = 'recordSurveyResponse';
  const sid = BASE.recordSurveyResponse.citizenId as string;
  bad(m, 'wrong check character', { citizenId: wrongCheck(sid) }, 'input.citizenId');
  bad(m, 'ID region outside Jiangsu (Beijing 110101)', { citizenId: withCheck('11010119900315999') }, 'input.citizenId');
  bad(m, 'ID region a city code (320300)', { citizenId: withCheck('32030019900315999') }, 'input.citizenId');
  bad(m, 'surveyedOn tomorrow', { surveyedOn: TOMORROW }, 'input.surveyedOn');
  bad(m, 'surveyedOn not ISO', { surveyedOn: '2021/03/01' }, 'input.surveyedOn');
  bad(m, 'returned after the survey', { returnedOn: '2021-03-02' }, 'input.returnedOn');
  bad(m, 'blank surveyedBy', { surveyedBy: ' ' }, 'input.surveyedBy');
  bad(m, 'surveyedBy of 101 characters', { surveyedBy: long(101) }, 'input.surveyedBy');
  bad(m, 'blank desiredIndustry', { desiredIndustry: '' }, 'input.desiredIndustry');
  bad(m, 'needs of 501 characters', { needs: long(501) }, 'input.needs');
  bad(m, 'missing intendsToTrain', without('intendsToTrain'), { mentions: 'intendsToTrain' });
  bad(m, 'the same person surveyed twice on one day', { citizenId: respondent.citizenId, surveyedOn: answered.surveyedOn, returnedOn: null }, 'input.surveyedOn');

  m = 'designateInstitution';
  bad(m, 'unknown institution', { institutionId: '9999999' }, 'input.institutionId');
  bad(m, 'institution id not a number', { institutionId: 'abc' }, 'input.institutionId');
  bad(m, 'designatedTo before designatedFrom', { designatedTo: '2020-12-31' }, 'input.designatedTo');
  bad(m, 'overlaps a running designation', { institutionId: String(running.institutionId) }, 'input.designatedFrom');
  bad(m, 'designatedFrom tomorrow', { designatedFrom: TOMORROW }, 'input.designatedFrom');
  bad(m, 'blank reviewing body', { reviewingBody: '  ' }, 'input.reviewingBody');

  m = 'recordInstitutionEvaluation';
  bad(m, 'unknown institution', { institutionId: '9999999' }, 'input.institutionId');
  bad(m, 'more passes than completions', { passes: 41 }, 'input.passes');
  bad(m, 'more business starts than completions', { venturesWithin6m: 41 }, 'input.venturesWithin6m');
  bad(m, 'negative completions', { completions: -1 }, 'input.completions');
  bad(m, 'satisfaction 5.5', { satisfaction: 5.5 }, 'input.satisfaction');
  bad(m, 'satisfaction 0.5', { satisfaction: 0.5 }, 'input.satisfaction');
  bad(m, 'satisfaction with three decimals', { satisfaction: 4.125 }, 'input.satisfaction');
  bad(m, 'year 1999', { year: 1999 }, 'input.year');
  bad(m, 'next year', { year: NEXT_YEAR }, 'input.year');
  bad(m, 'a second evaluation of one year', { institutionId: String(evaluated.institutionId), year: evaluated.year }, 'input.year');

  m = 'debarInstitution';
  bad(m, 'unknown institution', { institutionId: '9999999' }, 'input.institutionId');
  bad(m, 'blank reason', { reason: '' }, 'input.reason');
  bad(m, 'reason of 501 characters', { reason: long(501) }, 'input.reason');
  bad(m, 'debarredOn tomorrow', { debarredOn: TOMORROW }, 'input.debarredOn');

  m = 'payTrainingSubsidy';
  bad(m, 'unknown enrolment', { enrolmentId: '9999999' }, 'input.enrolmentId');
  bad(m, 'course not completed', { enrolmentId: String(open.id) }, 'input.enrolmentId');
  bad(m, 'result subsidy for a failed exam', { enrolmentId: String(failed.id), paidOn: '2021-06-01' }, 'input.kind');
  bad(m, 'paid before the course was completed', { paidOn: '2000-01-01' }, 'input.paidOn');
  bad(m, 'paid twice for the same level', { enrolmentId: String(paid.enrolmentId), kind: 'COMPLETION' }, 'input.enrolmentId');
  if (afterBar) bad(m, 'paid to a barred institution', { enrolmentId: String(afterBar.id), kind: 'COMPLETION' }, 'input.enrolmentId');
  bad(m, 'zero yuan', { amountYuan: 0 }, 'input.amountYuan');
  bad(m, 'over 10000 yuan', { amountYuan: 10_001 }, 'input.amountYuan');
  bad(m, 'paidOn in the future', { paidOn: '2999-01-01' }, 'input.paidOn');
  bad(m, 'unknown kind', { kind: 'BONUS' }, { mentions: 'input.kind' });

  m = 'recordLoanDetail';
  bad(m, 'unknown loan', { loanId: '9999999' }, 'input.loanId');
  bad(m, 'loan id not a number', { loanId: 'x' }, 'input.loanId');
  bad(m, 'repaid and in default at once', { repaidOn: '2021-05-01' }, 'input.defaultedOn');
  bad(m, 'default before the loan was issued', { defaultedOn: '2000-01-01' }, 'input.defaultedOn');
  bad(m, 'default of a repaid loan', { loanId: String(repaid.id), guaranteeType: null, interestSubsidyYuan: null, defaultedOn: '2021-12-31' }, 'input.defaultedOn');
  bad(m, 'negative interest subsidy', { interestSubsidyYuan: -1 }, 'input.interestSubsidyYuan');
  bad(m, 'interest subsidy above the amount lent', { interestSubsidyYuan: outstanding.amountYuan + 1000 }, 'input.interestSubsidyYuan');
  bad(m, 'interest subsidy on a loan issued without it', { loanId: String(unsubsidised.id), defaultedOn: null, interestSubsidyYuan: 500 }, 'input.interestSubsidyYuan');
  bad(m, 'unknown guarantee type', { guaranteeType: 'FRIENDS' }, { mentions: 'input.guaranteeType' });
  bad(m, 'defaultedOn tomorrow', { defaultedOn: TOMORROW }, 'input.defaultedOn');

  page('hr', 'surveyResponses', { first: 501 }, 'first');
  page('hr', 'surveyResponses', { filter: { regionCode: '999999' } }, 'filter.regionCode');
  page('hr', 'trainingInstitutions', { filter: { regionCode: '32030' } }, 'filter.regionCode');
}
