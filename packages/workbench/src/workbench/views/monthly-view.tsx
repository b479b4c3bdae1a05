import { useMemo, useState } from 'react';
import { graphqlData } from '../api';
import { Chart } from '../chart';
import { DataTable, type TableColumn } from '../data-table';
import { ExportPanel, staticSource } from '../export/export-panel';
import { RegionPicker, YearPicker } from '../region-picker';
import { regionName } from '../regions';
import { formatValue } from '../indicators';
import { useQuery } from '../use-query';

/** The monthly figures the API gives per region and year (twelve rows; the loans add up to the year's scorecard). */
const FIELDS: { field: string; zh: string }[] = [
  { field: 'trained', zh: '培训人数' },
  { field: 'venturesOpened', zh: '新办企业' },
  { field: 'jobsCreated', zh: '带动就业' },
  { field: 'loansIssuedYuan', zh: '发放贷款（元）' },
  { field: 'parksOpened', zh: '新建园区（农业农村）' },
  { field: 'poorTrained', zh: '贫困人员受训（扶贫）' },
  { field: 'womenSupportCasesOpened', zh: '妇女帮扶立案（妇联）' },
  { field: 'womenSupportCasesClosed', zh: '妇女帮扶结案（妇联）' },
  { field: 'storiesPublished', zh: '典型报道（团委）' },
];
/** Drawn as bars; the rest stay in the table (loans have their own axis). */
const CHARTED = ['trained', 'venturesOpened', 'jobsCreated'];

type Month = { month: number } & Record<string, number | null>;

const COLUMNS: TableColumn<Month>[] = [
  { id: 'month', zh: '月份', en: 'month', value: (r) => r.month, render: (r) => `${r.month} 月`, numeric: true },
  ...FIELDS.map(({ field, zh }) => ({ id: field, zh, en: field, value: (r: Month) => r[field], render: (r: Month) => formatValue(r[field], 'count'), numeric: true })),
];

export function MonthlyView() {
  const [code, setCode] = useState('320300');
  const [year, setYear] = useState(2019);
  const answer = useQuery(
    (signal) =>
      graphqlData<{ monthlyStatistics: Month[] }>(
        `query WorkbenchMonthly($regionCode: ID!, $year: Int!) { monthlyStatistics(regionCode: $regionCode, year: $year) { month ${FIELDS.map((f) => f.field).join(' ')} } }`,
        { regionCode: code, year },
        signal,
      ),
    [code, year],
  );
  const months = answer.data?.monthlyStatistics ?? [];
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: FIELDS.filter((f) => CHARTED.includes(f.field)).map((f) => f.zh).concat('发放贷款（万元）') },
      xAxis: { type: 'category', data: months.map((m) => `${m.month}月`) },
      yAxis: [{ type: 'value', name: '人 / 户' }, { type: 'value', name: '万元' }],
      series: [
        ...FIELDS.filter((f) => CHARTED.includes(f.field)).map((f) => ({ name: f.zh, type: 'bar', data: months.map((m) => m[f.field]) })),
        { name: '发放贷款（万元）', type: 'line', yAxisIndex: 1, data: months.map((m) => (m.loansIssuedYuan === null ? null : Math.round(m.loansIssuedYuan / 10_000))) },
      ],
    }),
    [answer.data],
  );
  return (
    <section className="view">
      <div className="toolbar">
        <RegionPicker code={code} onChange={setCode} />
        <YearPicker year={year} onChange={(y) => setYear(y ?? 2019)} />
      </div>
      <h2>{regionName(code)} {year} 年月度统计 <span className="field-name">monthlyStatistics(regionCode: "{code}", year: {year})</span></h2>
      {answer.error && <p className="error">{answer.error}</p>}
      {answer.loading && <p className="loading">加载中… / loading…</p>}
      {answer.data && (
        <>
          <p className="hint">“—”：该数字未向您的角色公开（少于 5 人，保护隐私）/ withheld from your view: fewer than 5 people</p>
          <DataTable rows={months} columns={COLUMNS} testId="monthly-table" rowKey={(r) => String(r.month)} />
          <ExportPanel source={staticSource(`monthly-${code}-${year}`, COLUMNS.map(({ id, zh, en }) => ({ id, zh, en })), months)} />
          <Chart option={option} testId="monthly-chart" />
        </>
      )}
    </section>
  );
}
