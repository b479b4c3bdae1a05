import type { DataSource } from 'typeorm';
import { cardBatch, cardParameters, CARDS_CTE, type CardBatch } from './card-batch';
import { MONTHS } from './monthly-statistic';
import type { YearlyCount } from './scorecard-figures';

/**
 * Monthly figures are loaded per region-year ("regionCode:year", the scorecard key): one
 * grouped statement answers the twelve months of every region-year a request asks for.
 * `rows` carry the card and the month (1–12); the answer has twelve entries per key,
 * January first, `zero()` for a month without records.
 */
export function byCardAndMonth<T>(batch: CardBatch, rows: ReadonlyArray<{ card: number; month: number } & T>, zero: () => T): Map<string, T[]> {
  const months = batch.keys.map(() => MONTHS.map(() => zero()));
  for (const row of rows) months[Number(row.card)][Number(row.month) - 1] = row;
  return new Map(batch.keys.map((key, card) => [key, months[card]]));
}

/** Records per month of each region-year, by the month of `dateColumn`: one statement for the whole batch. */
export async function countByMonth(db: DataSource, keys: readonly string[], spec: YearlyCount): Promise<Map<string, number[]>> {
  const batch = cardBatch(keys);
  const rows: Array<{ card: number; month: number; count: string }> = await db.query(
    `WITH ${CARDS_CTE}
     SELECT c.card, extract(month FROM r.${spec.dateColumn})::int AS month, count(*) AS count
     FROM ${spec.table} r JOIN cards c ON c.county = r.region_code AND c.year = extract(year FROM r.${spec.dateColumn})::int
     WHERE r.region_code = ANY($4) AND r.${spec.dateColumn} >= $5 AND r.${spec.dateColumn} < $6 ${spec.condition ? `AND (${spec.condition})` : ''}
     GROUP BY 1, 2`,
    cardParameters(batch),
  );
  const months = byCardAndMonth(batch, rows, () => ({ count: '0' }));
  return new Map([...months].map(([key, list]) => [key, list.map((row) => Number(row.count))]));
}
