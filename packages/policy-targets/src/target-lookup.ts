import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { IndicatorTarget } from '@rg/region-scorecard';
import type { IndicatorName } from '@rg/scorecard';

interface LookupKey {
  indicator: IndicatorName;
  regionCode: string;
  year: number;
}

const keyText = (k: LookupKey) => `${k.indicator}:${k.regionCode}:${k.year}`;

/** One lookup per request, made on first use: departments need no loader of their own for it. */
const lookups = new WeakMap<object, DataLoader<LookupKey, IndicatorTarget | null, string>>();

function lookupFor(ctx: { dataSource: DataSource }): DataLoader<LookupKey, IndicatorTarget | null, string> {
  let loader = lookups.get(ctx);
  if (!loader) {
    const db = ctx.dataSource;
    loader = new DataLoader<LookupKey, IndicatorTarget | null, string>(async (keys) => {
      // Every indicator of every scorecard of the request in one statement.
      const rows: Array<{ indicator: string; region_code: string; year: number; value: number; source: string }> = await db.query(
        `SELECT t.indicator, t.region_code, t.year, t.value, t.source
         FROM policy_target t
         JOIN unnest($1::text[], $2::text[], $3::int[]) AS k(indicator, region_code, year)
           ON t.indicator = k.indicator AND t.region_code = k.region_code AND t.year = k.year`,
        [keys.map((k) => k.indicator), keys.map((k) => k.regionCode), keys.map((k) => k.year)],
      );
      const found = new Map(rows.map((r) => [`${r.indicator}:${r.region_code.trim()}:${r.year}`, { value: Number(r.value), source: r.source }]));
      return keys.map((k) => found.get(keyText(k)) ?? null);
    }, { cacheKeyFn: keyText });
    lookups.set(ctx, loader);
  }
  return loader;
}

/** The target an indicator of a scorecard is judged against, or null when none is set for its region and year. */
export function targetFor(
  ctx: { dataSource: DataSource }, indicator: IndicatorName, card: { regionCode: string; year: number },
): Promise<IndicatorTarget | null> {
  return lookupFor(ctx).load({ indicator, regionCode: card.regionCode, year: card.year });
}
