import { TODAY, TOMORROW, NEXT_YEAR, long, wrongCheck, withCheck, type Corpus } from './corpus-kit';

/** hr's bad inputs: one broken field per case. */
export function addHrCases(corpus: Corpus): void {
  const { hr, trainee, done, nearCap, nearCapSum, otherVenture, BASE, bad, without, page } = corpus;
  let m: string;
  m = 'registerTrainee';
  const tid = BASE.registerTrainee.citizenId as string;
  bad(m, 'wrong check character', { citizenId: wrongCheck(tid) }, 'input.citizenId');
  bad(m, 'only 17 digits', { citizenId: tid.slice(0, 17) }, 'input.citizenId');
  bad(m, '19 characters', { citizenId: `${tid}1` }, 'input.citizenId');
  bad(m, 'letters inside the ID', { citizenId: `32010A${tid.slice(6)}` }, 'input.citizenId');
  bad(m, 'X not in last place', { citizenId: `${tid.slice(0, 16)}X${tid[17]}` }, 'input.citizenId');
  bad(m, 'empty ID', { citizenId: '' }, 'input.citizenId');
  bad(m, 'ID region outside Jiangsu (Beijing 110101)', { citizenId: withCheck('11010119900315999') }, 'input.citizenId');
  bad(m, 'ID region a city code (320300)', { citizenId: withCheck('32030019900315999') }, 'input.citizenId');
  bad(m, 'ID region the province code (320000)', { citizenId: withCheck('32000019900315999') }, 'input.citizenId');
  bad(m, 'ID birth date 30 February', { citizenId: withCheck('32010219900230999') }, 'input.citizenId');
  bad(m, 'ID birth month 13', { citizenId: withCheck('32010219901301999') }, 'input.citizenId');
  bad(m, 'ID birth date in the future', { citizenId: withCheck('32010220990101999') }, 'input.citizenId');
  bad(m, 'ID born in 1800', { citizenId: withCheck('32010218000101999') }, 'input.citizenId');
  bad(m, 'duplicate citizen ID', { citizenId: trainee.citizenId }, 'input.citizenId');
  const xId = hr.trainees.find((t) => t.citizenId.endsWith('X'))!.citizenId;
  bad(m, 'duplicate citizen ID written with lower-case x and spaces', { citizenId: ` ${xId.toLowerCase()} ` }, 'input.citizenId');
  bad(m, 'blank name', { name: '   ' }, 'input.name');
  bad(m, 'name of 51 characters', { name: long(51) }, 'input.name');
  bad(m, 'phone too short', { phone: '12345' }, 'input.phone');
  bad(m, 'phone not a mobile number', { phone: '02583123456' }, 'input.phone');
  bad(m, 'unknown category', { category: 'FARMER' }, { mentions: 'input.category' });
  bad(m, 'unknown stage', { stage: 'RETIRED' }, { mentions: 'input.stage' });
  bad(m, 'missing category', without('category'), { mentions: 'category' });
  bad(m, 'registeredOn tomorrow', { registeredOn: TOMORROW }, 'input.registeredOn');
  bad(m, 'registeredOn 29 February of a common year', { registeredOn: '2021-02-29' }, 'input.registeredOn');
  bad(m, 'registeredOn before 2000', { registeredOn: '1999-12-31' }, 'input.registeredOn');
  bad(m, 'registeredOn not ISO', { registeredOn: '2021/03/01' }, 'input.registeredOn');

  m = 'enrol';
  bad(m, 'unknown trainee', { traineeId: '9999999' }, 'input.traineeId');
  bad(m, 'trainee id not a number', { traineeId: 'abc' }, 'input.traineeId');
  bad(m, 'unknown course', { courseId: '9999999' }, 'input.courseId');
  bad(m, 'course id zero', { courseId: '0' }, 'input.courseId');
  bad(m, 'enrolled after the course started', { enrolledOn: TODAY }, 'input.enrolledOn');
  bad(m, 'enrolled twice in one course', { courseId: String(done.courseId), traineeId: String(done.traineeId), enrolledOn: done.enrolledOn }, 'input.courseId');
  bad(m, 'enrolledOn in the future', { enrolledOn: '2999-01-01' }, 'input.enrolledOn');
  bad(m, 'enrolledOn impossible date', { enrolledOn: '2019-04-31' }, 'input.enrolledOn');

  m = 'recordCompletion';
  bad(m, 'unknown enrolment', { enrolmentId: '9999999' }, 'input.enrolmentId');
  bad(m, 'negative enrolment id', { enrolmentId: '-3' }, 'input.enrolmentId');
  bad(m, 'completion recorded twice', { enrolmentId: String(done.id), completedOn: done.completedOn }, 'input.enrolmentId');
  bad(m, 'completed before the course started', { completedOn: '2000-01-01' }, 'input.completedOn');
  bad(m, 'satisfaction 0', { satisfaction: 0 }, 'input.satisfaction');
  bad(m, 'satisfaction 6', { satisfaction: 6 }, 'input.satisfaction');
  bad(m, 'completedOn tomorrow', { completedOn: TOMORROW }, 'input.completedOn');
  bad(m, 'passed as a string', { passed: 'yes' }, { mentions: 'input.passed' });

  m = 'recordVenture';
  bad(m, 'unknown founder', { founderId: '9999999' }, 'input.founderId');
  bad(m, 'blank name', { name: '' }, 'input.name');
  bad(m, 'name of 101 characters', { name: long(101) }, 'input.name');
  bad(m, 'blank industry', { industry: ' ' }, 'input.industry');
  bad(m, 'industry of 51 characters', { industry: long(51) }, 'input.industry');
  bad(m, 'opened before the founder registered', { openedOn: '2000-01-01' }, 'input.openedOn');
  bad(m, 'openedOn in the future', { openedOn: `${NEXT_YEAR}-01-01` }, 'input.openedOn');
  bad(m, 'negative jobs', { jobsCreated: -1 }, 'input.jobsCreated');
  bad(m, 'jobs over 100000', { jobsCreated: 100_001 }, 'input.jobsCreated');
  bad(m, 'jobs as a string', { jobsCreated: '3' }, { mentions: 'input.jobsCreated' });

  m = 'issueLoan';
  bad(m, 'zero yuan', { amountYuan: 0 }, 'input.amountYuan');
  bad(m, 'negative amount', { amountYuan: -50_000 }, 'input.amountYuan');
  bad(m, 'below 1000 yuan', { amountYuan: 999 }, 'input.amountYuan');
  bad(m, 'over the 150000 cap', { amountYuan: 150_001 }, 'input.amountYuan');
  bad(m, 'far over the cap', { amountYuan: 1_000_000 }, 'input.amountYuan');
  bad(m, `over the borrower's remaining cap (${150_000 - nearCapSum} left)`, { borrowerId: String(nearCap), ventureId: null, amountYuan: 150_000 - nearCapSum + 1000 }, 'input.amountYuan');
  bad(m, 'fractional yuan', { amountYuan: 1000.5 }, { mentions: 'input.amountYuan' });
  bad(m, 'amount beyond 32 bits', { amountYuan: 2 ** 31 }, { mentions: 'input.amountYuan' });
  bad(m, 'unknown borrower', { borrowerId: '9999999', ventureId: null }, 'input.borrowerId');
  bad(m, 'borrower id not a number', { borrowerId: 'abc', ventureId: null }, 'input.borrowerId');
  bad(m, 'venture of someone else', { ventureId: String(otherVenture.id) }, 'input.ventureId');
  bad(m, 'unknown venture', { ventureId: '9999999' }, 'input.ventureId');
  bad(m, 'blank bank', { bank: '' }, 'input.bank');
  bad(m, 'bank of 101 characters', { bank: long(101) }, 'input.bank');
  bad(m, 'issuedOn tomorrow', { issuedOn: TOMORROW }, 'input.issuedOn');
  bad(m, 'issuedOn 31 April', { issuedOn: '2021-04-31' }, 'input.issuedOn');

  m = 'recordFollowUp';
  bad(m, 'unknown trainee', { traineeId: '9999999' }, 'input.traineeId');
  bad(m, 'unknown mentor', { mentorId: '9999999' }, 'input.mentorId');
  bad(m, 'mentor id not a number', { mentorId: 'x1' }, 'input.mentorId');
  bad(m, 'blank helpGiven', { helpGiven: '  ' }, 'input.helpGiven');
  bad(m, 'helpGiven of 501 characters', { helpGiven: long(501) }, 'input.helpGiven');
  bad(m, 'unknown business status', { businessStatus: 'BANKRUPT' }, { mentions: 'input.businessStatus' });
  bad(m, 'visitedOn in the future', { visitedOn: '2999-12-31' }, 'input.visitedOn');
  bad(m, 'visitedOn before 2000', { visitedOn: '1998-06-01' }, 'input.visitedOn');

  page('hr', 'trainees', { first: 501 }, 'first');
  page('hr', 'trainees', { first: 0 }, 'first');
  page('hr', 'trainees', { filter: { regionCode: '999999' } }, 'filter.regionCode');
  page('hr', 'ventures', { first: -1 }, 'first');
}
