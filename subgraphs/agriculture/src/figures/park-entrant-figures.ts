import type { DataSource } from 'typeorm';
import { byCard, cardBatch, cardParameters, CARDS_CTE } from '@rg/region-scorecard';

/**
 * The ventures given a park place in a region's year: each residency entered in the year in a
 * park of the region, by venture id. agriculture knows the place, not who founded the venture:
 * hr turns the ids into its founders' key set, and poverty says which founders are poor. Every
 * scorecard of a request in one grouped statement.
 */
export async function parkEntrantVentureIds(db: DataSource, keys: readonly string[]): Promise<Map<string, number[]>> {
  const batch = cardBatch(keys);
  const rows: Array<{ card: number; ids: number[] }> = await db.query(
    `WITH ${CARDS_CTE}
     SELECT c.card, array_agg(DISTINCT r.venture_id ORDER BY r.venture_id) AS ids
     FROM residency r JOIN incubator_park p ON p.id = r.park_id
     JOIN cards c ON c.county = p.region_code AND c.year = extract(year FROM r.entered_on)::int
     WHERE p.region_code = ANY($4) AND r.entered_on >= $5 AND r.entered_on < $6
     GROUP BY c.card`,
    cardParameters(batch),
  );
  const found = byCard(batch, rows, () => ({ ids: [] as number[] }));
  return new Map([...found].map(([key, row]) => [key, row.ids.map(Number)]));
}
