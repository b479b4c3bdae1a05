import { useMemo, useState } from 'react';
import { Chart } from '../chart';
import { DataTable, type TableColumn } from '../data-table';
import { ExportPanel, staticSource } from '../export/export-panel';
import { INDICATORS, PLAN_YEARS, formatValue, type IndicatorInfo, type ScorecardAnswer } from '../indicators';
import { RegionPicker, YearPicker } from '../region-picker';
import { regionName } from '../regions';
import { FIRST_SCORECARD } from '../first-view';
import { useRegionScorecards } from '../region-scorecards';

interface Row {
  info: IndicatorInfo;
  value: number | null;
  target: number | null;
  met: boolean | null;
  note: string | null;
}

function metLabel(met: boolean | null): string {
  if (met === null) return '— 无目标';
  return met ? '✔ 达标' : '✖ 未达标';
}

const COLUMNS: TableColumn<Row>[] = [
  { id: 'indicator', zh: '指标', en: 'indicator', value: (r) => r.info.zh, render: (r) => <span title={r.info.field}>{r.info.zh} <span className="field-name">{r.info.field}</span></span> },
  { id: 'value', zh: '数值', en: 'value', value: (r) => r.value, render: (r) => formatValue(r.value, r.info.format), numeric: true },
  { id: 'target', zh: '目标', en: 'target', value: (r) => r.target, render: (r) => formatValue(r.target, r.info.format), numeric: true },
  { id: 'met', zh: '是否达标', en: 'met', value: (r) => metLabel(r.met), render: (r) => <span className={r.met === null ? '' : r.met ? 'met' : 'unmet'}>{metLabel(r.met)}</span> },
  { id: 'note', zh: '说明', en: 'note', value: (r) => r.note ?? '' },
];

/** A region's year against the plan's targets, and one indicator across the five plan years. */
export function ScorecardView() {
  const [code, setCode] = useState(FIRST_SCORECARD.regionCode);
  const [year, setYear] = useState(FIRST_SCORECARD.year);
  const [charted, setCharted] = useState(FIRST_SCORECARD.charted);
  const answer = useRegionScorecards(code, year, charted);
  const byYear = new Map(answer.cards.map((s) => [s.year, s] as [number, ScorecardAnswer]));
  // A card holds every indicator once the rest has arrived; until then only the year first shown does.
  const shownCard = byYear.get(year);
  const card = shownCard && INDICATORS.every((i) => i.field in shownCard) ? shownCard : undefined;
  const rows: Row[] = card
    ? INDICATORS.map((info) => {
        const indicator = card[info.field];
        return { info, value: indicator?.value ?? null, target: indicator?.target ?? null, met: indicator?.met ?? null, note: indicator?.note ?? null };
      })
    : [];
  const chartInfo = INDICATORS.find((i) => i.field === charted)!;
  const series = PLAN_YEARS.map((y) => byYear.get(y)?.[charted]);
  const chartReady = series.every((s) => s !== undefined);
  const seriesKey = JSON.stringify(series);
  const option = useMemo(() => {
    return {
      // The figures at their height at once: this chart is the first screen's answer, and a bar
      // growing from zero for a second shows the analyst a wrong figure meanwhile.
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { data: ['数值 value', '目标 target'] },
      xAxis: { type: 'category', data: PLAN_YEARS.map(String) },
      yAxis: { type: 'value' },
      series: [
        { name: '数值 value', type: 'bar', data: series.map((s) => s?.value ?? null), itemStyle: { color: '#2f6fb0' } },
        { name: '目标 target', type: 'line', data: series.map((s) => s?.target ?? null), lineStyle: { type: 'dashed' }, itemStyle: { color: '#c2410c' } },
      ],
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [seriesKey]); // the same figures arriving again with the rest draw nothing anew

  return (
    <section className="view">
      <div className="toolbar">
        <RegionPicker code={code} onChange={setCode} />
        <YearPicker year={year} onChange={(y) => setYear(y ?? 2019)} />
      </div>
      <h2>{regionName(code)} {year} 年评分卡 <span className="field-name">scorecard(regionCode: "{code}", year: {year})</span></h2>
      {answer.error && <p className="error">{answer.error}</p>}
      {(answer.loading || (!card && !answer.error)) && <p className="loading">加载中… / loading…</p>}
      {card && (
        <>
          <DataTable rows={rows} columns={COLUMNS} testId="scorecard-table" rowKey={(r) => r.info.field} sortable={false} />
          <ExportPanel
            source={staticSource(`scorecard-${code}-${year}`, [
              { id: 'indicator', zh: '指标', en: 'indicator' }, { id: 'value', zh: '数值', en: 'value' },
              { id: 'target', zh: '目标', en: 'target' }, { id: 'met', zh: '是否达标', en: 'met' }, { id: 'note', zh: '说明', en: 'note' },
            ], rows.map((r) => ({ indicator: r.info.field, value: r.value, target: r.target, met: r.met, note: r.note })))}
          />
          <div className="toolbar">
            <label>
              图表指标 <span className="field-name">chart</span>
              <select value={charted} onChange={(e) => setCharted(e.target.value)} data-testid="chart-indicator">
                {INDICATORS.map((i) => <option key={i.field} value={i.field}>{i.zh}</option>)}
              </select>
            </label>
            <span>{chartInfo.zh}，2016–2020 五年规划期</span>
          </div>
          {chartReady ? <Chart option={option} testId="scorecard-chart" /> : <p className="loading">加载中… / loading…</p>}
        </>
      )}
    </section>
  );
}
