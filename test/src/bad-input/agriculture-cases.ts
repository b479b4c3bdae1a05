import { TOMORROW, long, type Corpus } from './corpus-kit';

/** agriculture's bad inputs: one broken field per case. */
export function addAgricultureCases(corpus: Corpus): void {
  const { agriculture, newcomer, park, resident, left, bad, without, page } = corpus;
  let m: string;
  m = 'createPark';
  bad(m, 'blank name', { name: '' }, 'input.name');
  bad(m, 'name of 101 characters', { name: long(101) }, 'input.name');
  bad(m, 'missing name', without('name'), { mentions: 'name' });
  bad(m, 'region a city code (320300)', { regionCode: '320300' }, 'input.regionCode');
  bad(m, 'region the province code (320000)', { regionCode: '320000' }, 'input.regionCode');
  bad(m, 'region 999999', { regionCode: '999999' }, 'input.regionCode');
  bad(m, 'region outside Jiangsu (110101)', { regionCode: '110101' }, 'input.regionCode');
  bad(m, 'region not six digits', { regionCode: '32010' }, 'input.regionCode');
  bad(m, 'unknown level', { level: 'VILLAGE' }, { mentions: 'input.level' });
  bad(m, 'unknown kind', { kind: 'SHOPPING_MALL' }, { mentions: 'input.kind' });
  bad(m, 'openedOn tomorrow', { openedOn: TOMORROW }, 'input.openedOn');
  bad(m, 'openedOn before 2000', { openedOn: '1999-12-31' }, 'input.openedOn');
  bad(m, 'openedOn 29 February 2021', { openedOn: '2021-02-29' }, 'input.openedOn');
  bad(m, 'zero capacity', { capacity: 0 }, 'input.capacity');
  bad(m, 'negative capacity', { capacity: -5 }, 'input.capacity');
  bad(m, 'capacity over 10000', { capacity: 10_001 }, 'input.capacity');
  bad(m, 'fractional capacity', { capacity: 2.5 }, { mentions: 'input.capacity' });
  bad(m, 'no industries', { industries: [] }, 'input.industries');
  bad(m, 'eleven industries', { industries: Array.from({ length: 11 }, (_, i) => `行业${i}`) }, 'input.industries');
  bad(m, 'a blank industry', { industries: ['农村电商', ' '] }, 'input.industries');
  bad(m, 'an industry of 51 characters', { industries: [long(51)] }, 'input.industries');
  bad(m, 'an industry repeated', { industries: ['农村电商', ' 农村电商'] }, 'input.industries');

  m = 'admitVenture';
  bad(m, 'unknown park', { parkId: '9999999' }, 'input.parkId');
  bad(m, 'park id not a number', { parkId: 'abc' }, 'input.parkId');
  bad(m, 'venture id zero', { ventureId: '0' }, 'input.ventureId');
  bad(m, 'entered before the park opened', { enteredOn: '2000-01-01' }, 'input.enteredOn');
  bad(m, 'venture already resident in a park', { ventureId: String(resident.ventureId) }, 'input.ventureId');
  bad(m, 'entered before leaving its previous park', { ventureId: String(left.ventureId), enteredOn: park.openedOn > left.enteredOn ? park.openedOn : left.enteredOn }, 'input.enteredOn');
  bad(m, 'park full', (base, f) => ({ ...base, parkId: f.fullParkId }), 'input.parkId');
  bad(m, 'enteredOn tomorrow', { enteredOn: TOMORROW }, 'input.enteredOn');
  bad(m, 'enteredOn not a date', { enteredOn: 'yesterday' }, 'input.enteredOn');

  m = 'releaseVenture';
  bad(m, 'unknown park', { parkId: '9999999' }, 'input.parkId');
  bad(m, 'park id not a number', { parkId: '1.5' }, 'input.parkId');
  bad(m, 'venture resident in another park', { parkId: String(agriculture.parks.find((p) => p.id !== resident.parkId)!.id) }, 'input.ventureId');
  bad(m, 'venture already left', { parkId: String(left.parkId), ventureId: String(left.ventureId) }, 'input.ventureId');
  bad(m, 'venture never admitted', { ventureId: String(newcomer.id) }, 'input.ventureId');
  bad(m, 'left before it entered', { leftOn: '2000-01-01' }, 'input.leftOn');
  bad(m, 'leftOn tomorrow', { leftOn: TOMORROW }, 'input.leftOn');

  page('agriculture', 'incubatorParks', { first: 501 }, 'first');
  page('agriculture', 'incubatorParks', { filter: { regionCode: '110101' } }, 'filter.regionCode');
}
