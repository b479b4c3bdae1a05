import type { DataSource } from 'typeorm';
import { byCard, cardBatch, cardParameters, CARDS_CTE, decodeKeySet, keySetSql, scorecardKey, toBigintArrayParameter } from '@rg/region-scorecard';

/**
 * The women of each card's support cases (opened in the region's year) as a key set, for
 * poverty to say which were in the registry that year. Every card of a request in one
 * statement.
 */
export async function supportCaseKeySets(db: DataSource, keys: readonly string[]): Promise<Map<string, string>> {
  const batch = cardBatch(keys);
  const rows: Array<{ card: number; key_set: string | null }> = await db.query(
    `WITH ${CARDS_CTE},
     women AS (SELECT DISTINCT c.card, w.person_key_prefix AS prefix
       FROM women_support_case w JOIN cards c ON c.county = w.region_code AND c.year = extract(year FROM w.opened_on)::int
       WHERE w.region_code = ANY($4) AND w.opened_on >= $5 AND w.opened_on < $6)
     SELECT card, ${keySetSql()} AS key_set FROM women GROUP BY card`,
    cardParameters(batch),
  );
  const found = byCard(batch, rows, () => ({ key_set: null as string | null }));
  return new Map([...found].map(([key, row]) => [key, row.key_set ?? '']));
}

export type SupportCaseFindingKind = 'PRIORITY_NOT_IN_REGISTRY' | 'REGISTRY_POOR_NOT_PRIORITISED';

export interface SupportCaseFindingRow {
  kind: SupportCaseFindingKind;
  caseId: number;
  personKey: string;
}

/** Loader keys: the card and poverty's answer for it (registry-poor prefixes, base64), "regionCode:year|keySet". */
export function findingsKey(regionCode: string, year: number, registryPoorKeySet: string): string {
  return `${scorecardKey(regionCode, year)}|${registryPoorKeySet}`;
}

/**
 * The year's support cases whose staff-typed poorPriority disagrees with the registry: marked
 * priority though the woman was not in the registry that year, or not marked though she was.
 * Every card of a request in one statement: poverty's answers travel as (card, prefix) arrays.
 */
export async function supportCaseFindings(db: DataSource, keys: readonly string[]): Promise<Map<string, SupportCaseFindingRow[]>> {
  const questions = keys.map((key) => {
    const bar = key.indexOf('|');
    return { card: key.slice(0, bar), registryPoor: decodeKeySet(key.slice(bar + 1)) };
  });
  const batch = cardBatch(questions.map((q) => q.card));
  const cards: bigint[] = [];
  const prefixes: bigint[] = [];
  questions.forEach((q, card) => q.registryPoor.forEach((prefix) => {
    cards.push(BigInt(card));
    prefixes.push(prefix);
  }));
  const rows: Array<{ card: number; id: number; person_key: string; poor_priority: boolean }> = await db.query(
    `WITH ${CARDS_CTE},
     poor AS (SELECT * FROM unnest($7::int[], $8::bigint[]) AS p(card, prefix))
     SELECT c.card, w.id, w.person_key, w.poor_priority
     FROM women_support_case w JOIN cards c ON c.county = w.region_code AND c.year = extract(year FROM w.opened_on)::int
     WHERE w.region_code = ANY($4) AND w.opened_on >= $5 AND w.opened_on < $6
       AND w.poor_priority <> EXISTS (SELECT 1 FROM poor p WHERE p.card = c.card AND p.prefix = w.person_key_prefix)
     ORDER BY c.card, w.id`,
    [...cardParameters(batch), toBigintArrayParameter(cards), toBigintArrayParameter(prefixes)],
  );
  const byCardIndex = new Map<number, SupportCaseFindingRow[]>();
  for (const row of rows) {
    const list = byCardIndex.get(Number(row.card)) ?? [];
    list.push({
      kind: row.poor_priority ? 'PRIORITY_NOT_IN_REGISTRY' : 'REGISTRY_POOR_NOT_PRIORITISED',
      caseId: Number(row.id),
      personKey: String(row.person_key).trim(),
    });
    byCardIndex.set(Number(row.card), list);
  }
  return new Map(keys.map((key, i) => [key, byCardIndex.get(i) ?? []]));
}
