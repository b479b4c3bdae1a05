import type { DataSource } from 'typeorm';
import { aggregateCache } from '@rg/data-helpers';
import { byCard, cardBatch, cardParameters, CARDS_CTE, keySetSql } from '@rg/region-scorecard';

/**
 * What hr hands poverty so that the priority of the poor is measured for loans and ventures as
 * it is for training (000 §3.1): the year's borrowers and founders as key sets, never a name.
 * Also the year's ventures by whether their founder had trained: the notices count every
 * returnee entrepreneur, trained or not.
 */
export interface HrSupportPriorityFigures {
  /** People lent a guaranteed start-up loan in the year (borrower's region). */
  borrowerKeySet: string;
  womenBorrowerKeySet: string;
  /** Founders of the ventures opened in the year (venture's region). */
  founderKeySet: string;
  womenFounderKeySet: string;
  /** Ventures opened in the year, whoever founded them. */
  returneeVentures: number;
  /** Of them, those whose founder had completed a course on or before the opening day. */
  trainedFounderVentures: number;
}

const zeroLoans = () => ({ key_set: null as string | null, women_key_set: null as string | null });
const zeroVentures = () => ({ ...zeroLoans(), ventures: 0, trained: 0 });

/** Every scorecard of a request in two statements, however many region-years it asks for (see cardBatch). */
async function figuresFor(db: DataSource, keys: readonly string[]): Promise<Map<string, HrSupportPriorityFigures>> {
  const batch = cardBatch(keys);
  const params = cardParameters(batch);
  const women = " FILTER (WHERE gender = 'FEMALE')";
  const [loans, ventures] = await Promise.all([
    db.query(
      `WITH ${CARDS_CTE},
       lent AS (SELECT DISTINCT c.card, t.person_key_prefix AS prefix, t.gender
         FROM loan l JOIN trainee t ON t.id = l.borrower_id
         JOIN cards c ON c.county = t.region_code AND c.year = extract(year FROM l.issued_on)::int
         WHERE t.region_code = ANY($4) AND l.issued_on >= $5 AND l.issued_on < $6)
       SELECT card, ${keySetSql()} AS key_set, ${keySetSql(women)} AS women_key_set FROM lent GROUP BY card`,
      params,
    ),
    db.query(
      `WITH ${CARDS_CTE},
       opened AS MATERIALIZED (
         SELECT c.card, t.person_key_prefix AS prefix, t.gender,
           t.first_completed_on IS NOT NULL AND t.first_completed_on <= v.opened_on AS trained
         FROM venture v JOIN trainee t ON t.id = v.founder_id
         JOIN cards c ON c.county = v.region_code AND c.year = extract(year FROM v.opened_on)::int
         WHERE v.region_code = ANY($4) AND v.opened_on >= $5 AND v.opened_on < $6),
       founders AS (SELECT DISTINCT card, prefix, gender FROM opened),
       counted AS (SELECT card, count(*) AS ventures, count(*) FILTER (WHERE trained) AS trained FROM opened GROUP BY card)
       SELECT n.card, n.ventures, n.trained, f.key_set, f.women_key_set
       FROM counted n JOIN (SELECT card, ${keySetSql()} AS key_set, ${keySetSql(women)} AS women_key_set FROM founders GROUP BY card) f
         ON f.card = n.card`,
      params,
    ),
  ]);
  const l = byCard(batch, loans, zeroLoans);
  const v = byCard(batch, ventures, zeroVentures);
  return new Map(keys.map((key) => {
    const [lk, vk] = [l.get(key)!, v.get(key)!];
    return [key, {
      borrowerKeySet: lk.key_set ?? '',
      womenBorrowerKeySet: lk.women_key_set ?? '',
      founderKeySet: vk.key_set ?? '',
      womenFounderKeySet: vk.women_key_set ?? '',
      returneeVentures: Number(vk.ventures),
      trainedFounderVentures: Number(vk.trained),
    }];
  }));
}

/** Cached across requests like hr's other scorecard figures; the cards a batch misses are computed together. */
export async function supportPriorityFigures(db: DataSource, keys: readonly string[]): Promise<Map<string, HrSupportPriorityFigures>> {
  return aggregateCache<HrSupportPriorityFigures>(db, 'support-priority').getMany(keys, (missing) => figuresFor(db, missing));
}

/**
 * agriculture's park entrants (venture ids) turned into their founders' key set, for each set
 * of a request in one statement: the ids travel tagged with their set's position. Keys are
 * the ids comma-joined; an empty set answers the empty key set.
 */
export async function parkEntrantKeySets(db: DataSource, keys: readonly string[]): Promise<Map<string, string>> {
  const positions: number[] = [];
  const ventureIds: number[] = [];
  keys.forEach((key, i) => key.split(',').filter(Boolean).forEach((id) => {
    positions.push(i + 1);
    ventureIds.push(Number(id));
  }));
  const rows: Array<{ position: number; key_set: string | null }> = ventureIds.length === 0 ? [] : await db.query(
    `WITH founders AS (
       SELECT DISTINCT k.position, t.person_key_prefix AS prefix
       FROM unnest($1::int[], $2::int[]) AS k(position, venture_id)
       JOIN venture v ON v.id = k.venture_id JOIN trainee t ON t.id = v.founder_id)
     SELECT position, ${keySetSql()} AS key_set FROM founders GROUP BY position`,
    [positions, ventureIds],
  );
  const found = new Map(rows.map((row) => [Number(row.position), row.key_set ?? '']));
  return new Map(keys.map((key, i) => [key, found.get(i + 1) ?? '']));
}
