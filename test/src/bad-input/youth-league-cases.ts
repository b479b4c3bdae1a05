import { TOMORROW, NEXT_YEAR, long, type Corpus } from './corpus-kit';

/** youth-league's bad inputs: one broken field per case. */
export function addYouthLeagueCases(corpus: Corpus): void {
  const { trainee, award, bad, page } = corpus;
  let m: string;
  m = 'publishStory';
  bad(m, 'blank title', { title: '' }, 'input.title');
  bad(m, 'title of 101 characters', { title: long(101) }, 'input.title');
  bad(m, 'blank summary', { summary: '   ' }, 'input.summary');
  bad(m, 'summary of 2001 characters', { summary: long(2001) }, 'input.summary');
  bad(m, 'person key too short', { protagonistPersonKey: 'pk_123' }, 'input.protagonistPersonKey');
  bad(m, 'person key in upper case', { protagonistPersonKey: trainee.personKey.toUpperCase() }, 'input.protagonistPersonKey');
  bad(m, 'person key without its prefix', { protagonistPersonKey: trainee.personKey.slice(3) }, 'input.protagonistPersonKey');
  bad(m, 'a citizen ID instead of a person key', { protagonistPersonKey: trainee.citizenId }, 'input.protagonistPersonKey');
  bad(m, 'blank protagonist name', { protagonistName: '' }, 'input.protagonistName');
  bad(m, 'venture id not a number', { ventureId: 'abc' }, 'input.ventureId');
  bad(m, 'venture id zero', { ventureId: '0' }, 'input.ventureId');
  bad(m, 'region a city code (320300)', { regionCode: '320300' }, 'input.regionCode');
  bad(m, 'region the province code (320000)', { regionCode: '320000' }, 'input.regionCode');
  bad(m, 'region 999999', { regionCode: '999999' }, 'input.regionCode');
  bad(m, 'unknown channel', { channel: 'RADIO' }, { mentions: 'input.channel' });
  bad(m, 'publishedOn tomorrow', { publishedOn: TOMORROW }, 'input.publishedOn');
  bad(m, 'publishedOn 30 February', { publishedOn: '2020-02-30' }, 'input.publishedOn');
  bad(m, 'publishedOn before 2000', { publishedOn: '1999-01-01' }, 'input.publishedOn');

  m = 'grantAward';
  bad(m, 'person key malformed', { personKey: 'pk_xyz' }, 'input.personKey');
  bad(m, 'blank recipient name', { recipientName: ' ' }, 'input.recipientName');
  bad(m, 'recipient name of 51 characters', { recipientName: long(51) }, 'input.recipientName');
  bad(m, 'blank title', { title: '' }, 'input.title');
  bad(m, 'title of 51 characters', { title: long(51) }, 'input.title');
  bad(m, 'unknown level', { level: 'GLOBAL' }, { mentions: 'input.level' });
  bad(m, 'year before 2000', { year: 1999 }, 'input.year');
  bad(m, 'year next year', { year: NEXT_YEAR }, 'input.year');
  bad(m, 'year as a string', { year: '2020' }, { mentions: 'input.year' });
  bad(m, 'region a city code (320300)', { regionCode: '320300' }, 'input.regionCode');
  bad(m, 'region not six digits', { regionCode: '32010' }, 'input.regionCode');
  bad(m, 'region the province code (320000)', { regionCode: '320000' }, 'input.regionCode');
  bad(m, 'the same award twice in a year', { personKey: award.personKey, title: award.title, year: award.year }, 'input.title');
  bad(m, 'the same award twice, title padded', { personKey: award.personKey, title: ` ${award.title} `, year: award.year }, 'input.title');

  page('youth-league', 'awards', { first: 501 }, 'first');
  page('youth-league', 'successStories', { first: 0 }, 'first');
  page('youth-league', 'awards', { filter: { regionCode: '999999' } }, 'filter.regionCode');
}
