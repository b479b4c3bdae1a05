import { useEffect, useMemo, useState } from 'react';
import { Chart } from '../chart';
import { loadJiangsuMap } from '../map-chart';
import { DataTable, type TableColumn } from '../data-table';
import { ExportPanel, staticSource } from '../export/export-panel';
import { INDICATORS, formatValue, type IndicatorInfo } from '../indicators';
import { YearPicker } from '../region-picker';
import { childrenOf, PROVINCE_CODE, regionName } from '../regions';
import { fetchScorecards } from '../scorecards';
import { useQuery } from '../use-query';

interface Row {
  code: string;
  name: string;
  value: number | null;
  target: number | null;
  met: boolean | null;
  note: string | null;
}

function columns(info: IndicatorInfo): TableColumn<Row>[] {
  return [
    { id: 'name', zh: '地区', en: 'region', value: (r) => r.name },
    { id: 'code', zh: '代码', en: 'regionCode', value: (r) => r.code },
    { id: 'value', zh: info.zh, en: info.field, value: (r) => r.value, render: (r) => formatValue(r.value, info.format), numeric: true },
    { id: 'target', zh: '目标', en: 'target', value: (r) => r.target, render: (r) => formatValue(r.target, info.format), numeric: true },
    { id: 'met', zh: '是否达标', en: 'met', value: (r) => (r.met === null ? '—' : r.met ? '✔' : '✖') },
    { id: 'note', zh: '说明', en: 'note', value: (r) => r.note ?? '' },
  ];
}

/** One indicator side by side: the 13 cities (with the map) or every county of one city. */
export function CompareView() {
  const [scope, setScope] = useState(PROVINCE_CODE);
  const [field, setField] = useState('trained');
  const [year, setYear] = useState(2019);
  const [mapReady, setMapReady] = useState(false);
  useEffect(() => {
    loadJiangsuMap().then(() => setMapReady(true));
  }, []);
  const info = INDICATORS.find((i) => i.field === field)!;
  const regions = childrenOf(scope);
  // Only the indicator on screen: every other one would cost each department its figures for nothing.
  const answer = useQuery((signal) => fetchScorecards(regions.map((r) => r.code), [year], signal, [field]), [scope, year, field]);
  // While another indicator loads, the previous answer has no figures for it: nothing is drawn from it.
  const shown = answer.data?.every((card) => field in card) ? answer.data : null;
  const rows: Row[] = (shown ?? []).map((card) => {
    const indicator = card[field];
    return { code: card.regionCode, name: regionName(card.regionCode), value: indicator?.value ?? null, target: indicator?.target ?? null, met: indicator?.met ?? null, note: indicator?.note ?? null };
  });
  const bars = useMemo(() => {
    const sorted = [...rows].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity));
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 20, right: 40, top: 20, bottom: 30, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: sorted.map((r) => r.name) },
      series: [{ type: 'bar', name: info.zh, data: sorted.map((r) => r.value), itemStyle: { color: '#2f6fb0' }, label: { show: true, position: 'right', formatter: (p: { value: number | null }) => formatValue(p.value, info.format) } }],
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shown, field]);
  const map = useMemo(() => {
    const values = rows.map((r) => r.value).filter((v): v is number => v !== null);
    return {
      tooltip: { trigger: 'item', formatter: (p: { name: string; value: number }) => `${p.name}: ${formatValue(Number.isFinite(p.value) ? p.value : null, info.format)}` },
      visualMap: { min: Math.min(0, ...values), max: Math.max(1, ...values), left: 10, bottom: 10, text: ['高', '低'], calculable: true, inRange: { color: ['#e0ecf8', '#1f3a5f'] } },
      series: [{ type: 'map', map: 'jiangsu', name: info.zh, label: { show: true, fontSize: 11 }, data: rows.map((r) => ({ name: r.name, value: r.value })) }],
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shown, field]);

  return (
    <section className="view">
      <div className="toolbar">
        <label>
          范围 <span className="field-name">scope</span>
          <select value={scope} onChange={(e) => setScope(e.target.value)} data-testid="compare-scope">
            <option value={PROVINCE_CODE}>全省13个设区市 / all 13 cities</option>
            {childrenOf(PROVINCE_CODE).map((city) => (
              <option key={city.code} value={city.code}>{city.name}各县区 / counties of {city.code}</option>
            ))}
          </select>
        </label>
        <label>
          指标 <span className="field-name">indicator</span>
          <select value={field} onChange={(e) => setField(e.target.value)} data-testid="compare-indicator">
            {INDICATORS.map((i) => <option key={i.field} value={i.field}>{i.zh}</option>)}
          </select>
        </label>
        <YearPicker year={year} onChange={(y) => setYear(y ?? 2019)} />
      </div>
      <h2>{regionName(scope)} {scope === PROVINCE_CODE ? '各市' : '各县区'} · {info.zh} · {year}</h2>
      {answer.error && <p className="error">{answer.error}</p>}
      {answer.loading && <p className="loading">加载中… / loading…</p>}
      {shown && (
        <div className="compare-grid">
          <div>
            <DataTable rows={rows} columns={columns(info)} testId="compare-table" rowKey={(r) => r.code} />
            <ExportPanel source={staticSource(`compare-${scope}-${field}-${year}`, columns(info).map(({ id, zh, en }) => ({ id, zh, en })), rows.map((r) => ({ ...r })))} />
          </div>
          <div>
            <Chart option={bars} height={Math.max(280, rows.length * 28)} testId="compare-bars" />
            {scope === PROVINCE_CODE && mapReady && <Chart option={map} height={460} testId="compare-map" />}
          </div>
        </div>
      )}
    </section>
  );
}
