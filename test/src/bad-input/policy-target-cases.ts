import type { Corpus } from './corpus-kit';

/** The policy targets' bad inputs (hr's and agriculture's mutations share their rules): one broken field per case. */
export function addPolicyTargetCases(corpus: Corpus): void {
  const { bad, without } = corpus;
  for (const m of ['setHrPolicyTarget', 'setAgriculturePolicyTarget']) {
    const other = m === 'setHrPolicyTarget' ? 'newParks' : 'trained';
    bad(m, "another department's indicator", { indicator: other }, 'input.indicator');
    bad(m, 'unknown indicator', { indicator: 'happiness' }, 'input.indicator');
    bad(m, 'missing indicator', without('indicator'), { mentions: 'indicator' });
    bad(m, 'region 999999', { regionCode: '999999' }, 'input.regionCode');
    bad(m, 'region outside Jiangsu (110000)', { regionCode: '110000' }, 'input.regionCode');
    bad(m, 'year 1999', { year: 1999 }, 'input.year');
    bad(m, 'year 2101', { year: 2101 }, 'input.year');
    bad(m, 'negative value', { value: -1 }, 'input.value');
    bad(m, 'blank source', { source: '  ' }, 'input.source');
    bad(m, 'source of 501 characters', { source: 'x'.repeat(501) }, 'input.source');
  }
  bad('setHrPolicyTarget', 'a share above 1', { indicator: 'passRate', value: 1.2 }, 'input.value');
}
