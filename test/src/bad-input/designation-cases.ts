import { NEXT_YEAR, long, type Corpus } from './corpus-kit';

/**
 * hr's demonstration designations and their reviews, and youth-league's awards to enterprises:
 * one broken field per case. Their valid inputs are set here, beside the cases that break them.
 */
export function addDesignationCases(corpus: Corpus): void {
  const { hr, youthLeague, BASE, bad, without, page } = corpus;
  const designations = hr.demonstrations;
  const reviews = hr.demonstrationReviews;
  const revokedYear = new Map(reviews.filter((r) => r.result === 'REVOKED').map((r) => [r.designationId, r.year]));
  const county = designations.find((d) => d.kind === 'COUNTY')!;
  const venture = hr.ventures.find((v) => v.openedOn >= '2018-01-01')!;
  const trainee = hr.trainees[0];
  const otherCounty = hr.trainees.find((t) => t.regionCode !== trainee.regionCode)!.regionCode;
  // A designation in force whose reviews run to 2020, one revoked before 2020, and one reviewed in two years at least.
  const inForce = designations.find((d) => !revokedYear.has(d.id) && d.year < 2020)!;
  const revoked = designations.find((d) => (revokedYear.get(d.id) ?? 2020) < 2020)!;
  const reviewedTwice = designations.find((d) => !revokedYear.has(d.id) && reviews.filter((r) => r.designationId === d.id).length >= 2)!;
  const firstReview = reviews.find((r) => r.designationId === reviewedTwice.id)!;
  const enterpriseAward = youthLeague.awards.find((a) => a.recipientKind === 'VENTURE')!;

  // A model county for a year past the demo's designations: a new record.
  BASE.designate = { kind: 'COUNTY', level: 'CITY', year: 2021, title: '返乡创业示范县', reviewingBody: '徐州市人力资源和社会保障局农民工工作科', regionCode: '320321' };
  BASE.recordDesignationReview = { designationId: String(inForce.id), year: 2021, result: 'PASSED', note: '年度考核合格' };
  const person = { kind: 'PERSON', regionCode: null, traineeId: String(trainee.id) };
  const star = { kind: 'VENTURE', regionCode: null, ventureId: String(venture.id) };

  let m = 'designate';
  bad(m, 'unknown kind', { kind: 'STATE' }, { mentions: 'input.kind' });
  bad(m, 'unknown level', { level: 'COUNTY' }, { mentions: 'input.level' });
  bad(m, 'region 999999', { regionCode: '999999' }, 'input.regionCode');
  bad(m, 'a county designation naming a city (320300)', { regionCode: '320300' }, 'input.regionCode');
  bad(m, 'a county designation naming the province (320000)', { regionCode: '320000' }, 'input.regionCode');
  bad(m, 'a county designation without its county', { regionCode: null }, 'input.regionCode');
  bad(m, 'year before 2000', { year: 1999 }, 'input.year');
  bad(m, 'year next year', { year: NEXT_YEAR }, 'input.year');
  bad(m, 'blank title', { title: ' ' }, 'input.title');
  bad(m, 'title of 51 characters', { title: long(51) }, 'input.title');
  bad(m, 'blank reviewing body', { reviewingBody: '' }, 'input.reviewingBody');
  bad(m, 'a county designation naming a venture too', { ventureId: String(venture.id) }, 'input.ventureId');
  bad(m, 'the same county, title and year again', { regionCode: county.regionCode, title: county.title, year: county.year }, 'input.title');
  bad(m, 'a star enterprise that does not exist', { ...star, ventureId: '999999' }, 'input.ventureId');
  bad(m, 'a star enterprise id that is not an id', { ...star, ventureId: 'abc' }, 'input.ventureId');
  bad(m, 'a star enterprise without its venture', { ...star, ventureId: null }, 'input.ventureId');
  bad(m, 'a star enterprise designated before it opened', { ...star, year: 2017 }, 'input.year');
  bad(m, 'an entrepreneur star who is not a trainee', { ...person, traineeId: '999999' }, 'input.traineeId');
  bad(m, 'an entrepreneur star in another county than recorded', { ...person, regionCode: otherCounty }, 'input.regionCode');
  bad(m, 'a demonstration park with park id 0', { kind: 'PARK', parkId: '0' }, 'input.parkId');
  bad(m, 'a demonstration park without its county', { kind: 'PARK', parkId: '1', regionCode: null }, 'input.regionCode');
  bad(m, 'a demonstration project without its name', { kind: 'PROJECT' }, 'input.projectName');
  bad(m, 'a poverty-relief project with a blank name', { kind: 'POVERTY_RELIEF_PROJECT', projectName: ' ' }, 'input.projectName');

  m = 'recordDesignationReview';
  bad(m, 'a designation that does not exist', { designationId: '999999' }, 'input.designationId');
  bad(m, 'designation id not a number', { designationId: 'x' }, 'input.designationId');
  bad(m, 'a year before the designation', { year: inForce.year - 1 }, 'input.year');
  bad(m, 'a second review for the same year', { designationId: String(reviewedTwice.id), year: firstReview.year }, 'input.year');
  bad(m, 'a review after the revocation', { designationId: String(revoked.id), year: revokedYear.get(revoked.id)! + 1 }, 'input.year');
  bad(m, 'a revocation before a review already recorded', { designationId: String(reviewedTwice.id), year: reviewedTwice.year, result: 'REVOKED' }, 'input.result');
  bad(m, 'year next year', { year: NEXT_YEAR }, 'input.year');
  bad(m, 'unknown result', { result: 'FAILED' }, { mentions: 'input.result' });
  bad(m, 'missing result', without('result'), { mentions: 'result' });
  bad(m, 'note of 501 characters', { note: long(501) }, 'input.note');

  m = 'grantAward';
  const toEnterprise = { recipientKind: 'VENTURE', personKey: null, recipientName: null, ventureId: String(venture.id) };
  bad(m, 'an award to an enterprise without its venture', { ...toEnterprise, ventureId: null }, 'input.ventureId');
  bad(m, 'an award to an enterprise with venture id 0', { ...toEnterprise, ventureId: '0' }, 'input.ventureId');
  bad(m, 'an award to an enterprise naming a person too', { ...toEnterprise, personKey: trainee.personKey }, 'input.personKey');
  bad(m, 'an award to a person naming a venture', { ventureId: String(venture.id) }, 'input.ventureId');
  bad(m, 'an award to a person without the person', { personKey: null }, 'input.personKey');
  bad(m, 'an award to a person without a name', { recipientName: null }, 'input.recipientName');
  bad(m, 'unknown recipient kind', { recipientKind: 'COUNTY' }, { mentions: 'input.recipientKind' });
  bad(m, 'the same enterprise award twice in a year',
    { ...toEnterprise, ventureId: String(enterpriseAward.ventureId), title: enterpriseAward.title, year: enterpriseAward.year }, 'input.title');

  page('hr', 'designations', { first: 501 }, 'first');
  page('hr', 'designations', { filter: { regionCode: '999999' } }, 'filter.regionCode');
  page('hr', 'designations', { filter: { year: 1999 } }, 'filter.year');
}
