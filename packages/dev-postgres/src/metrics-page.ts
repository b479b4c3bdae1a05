/** One series line of a Prometheus text page: `name{label="value",...} 12.5`, or `name 12.5` without labels. */
const SERIES = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** The labels a series must carry: each exactly this value, or a value this pattern matches. */
export type Labels = Record<string, string | RegExp>;

const matches = (value: string | undefined, wanted: string | RegExp) =>
  value !== undefined && (typeof wanted === 'string' ? value === wanted : wanted.test(value));

/**
 * The sum of a metric's series on a Prometheus text page (what a service's /metrics serves)
 * whose labels include every one of `labels` (a value, or a pattern the value matches); every
 * series of the metric when none are given; 0 when no series matches. One series when the
 * labels name it, a total over the rest when not.
 */
export function seriesSum(page: string, name: string, labels: Labels = {}): number {
  let sum = 0;
  for (const line of page.split('\n')) {
    const series = SERIES.exec(line);
    if (!series || series[1] !== name) continue;
    const own = new Map([...(series[2] ?? '').matchAll(LABEL)].map(([, key, value]) => [key, value]));
    if (Object.entries(labels).every(([key, wanted]) => matches(own.get(key), wanted))) sum += Number(series[3]);
  }
  return sum;
}

/** seriesSum of the page a service serves at `metricsUrl`. */
export async function metricSum(metricsUrl: string, name: string, labels: Labels = {}): Promise<number> {
  return seriesSum(await (await fetch(metricsUrl)).text(), name, labels);
}
