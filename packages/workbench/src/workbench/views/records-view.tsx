import { useState } from 'react';
import { DataTable, type TableColumn } from '../data-table';
import { ExportPanel } from '../export/export-panel';
import type { ExportRow } from '../export/export-files';
import { FilterForm } from '../records/filter-form';
import { RECORD_TYPES, type RecordType } from '../records/record-types';
import { fetchRecordsPage, NOT_AVAILABLE, UNAVAILABLE } from '../records/records-query';
import { allRecordPages } from '../records/record-pages';
import { useQuery } from '../use-query';
import { useLabels } from '../labels-context';

function cell(value: ExportRow[string]): string {
  if (value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
}

/** The departments' records with the API's filters, chosen columns (across departments) and pages. */
export function RecordsView() {
  const { showFieldNames } = useLabels();
  const [type, setType] = useState<RecordType>(RECORD_TYPES[0]);
  const [paths, setPaths] = useState<string[]>(type.defaults);
  const [filter, setFilter] = useState<Record<string, unknown>>({});
  const [pageSize, setPageSize] = useState(20);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const page = useQuery((signal) => fetchRecordsPage(type, paths, filter, pageSize, after, signal), [type, paths.join(','), JSON.stringify(filter), pageSize, after]);

  const chooseType = (field: string) => {
    const next = RECORD_TYPES.find((t) => t.field === field)!;
    setType(next);
    setPaths(next.defaults);
    setFilter({});
    setCursors([null]);
  };
  const restart = <T,>(apply: (v: T) => void) => (v: T) => {
    apply(v);
    setCursors([null]);
  };
  const toggle = (path: string) => restart(setPaths)(paths.includes(path) ? paths.filter((p) => p !== path) : type.columns.map((c) => c.path).filter((p) => p === path || paths.includes(p)));

  const columns: TableColumn<ExportRow>[] = type.columns
    .filter((c) => paths.includes(c.path))
    .map((c) => ({
      id: c.path,
      zh: c.zh,
      en: c.path,
      value: (row) => row[c.path],
      render: (row) => {
        const value = row[c.path];
        const refused = value === NOT_AVAILABLE || value === UNAVAILABLE;
        return <span className={refused ? 'refused' : undefined}>{cell(value)}</span>;
      },
    }));

  return (
    <section className="view">
      <div className="toolbar">
        <label>
          记录类型 <span className="field-name">{type.field}</span>
          <select value={type.field} onChange={(e) => chooseType(e.target.value)} data-testid="record-type">
            {RECORD_TYPES.map((t) => <option key={t.field} value={t.field}>{t.zh}</option>)}
          </select>
        </label>
        <label>
          每页 <span className="field-name">first</span>
          <select value={pageSize} onChange={(e) => restart(setPageSize)(Number(e.target.value))}>
            {[20, 50, 100, 500].map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
      </div>
      <FilterForm type={type} filter={filter} onChange={restart(setFilter)} />
      <details className="column-chooser">
        <summary>列 / columns ({paths.length})</summary>
        {type.columns.map((c) => (
          <label key={c.path} title={c.path}>
            <input type="checkbox" checked={paths.includes(c.path)} onChange={() => toggle(c.path)} data-column-choice={c.path} />
            {c.zh}{showFieldNames && <span className="field-name">{c.path}</span>}
          </label>
        ))}
      </details>
      {page.error && <p className="error" role="alert">{page.error}</p>}
      {page.data && (
        <>
          <div className="toolbar pager">
            <span data-testid="records-total">共 {page.data.total?.toLocaleString()} 条 / {page.data.total} records</span>
            <span>第 {cursors.length} 页 / page {cursors.length}</span>
            <button disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>上一页 / previous</button>
            <button disabled={!page.data.hasNextPage} onClick={() => setCursors([...cursors, page.data!.endCursor])} data-testid="next-page">下一页 / next</button>
            {page.loading && <span className="loading">加载中… / loading…</span>}
          </div>
          <DataTable rows={page.data.rows} columns={columns} testId="records-table" />
          <ExportPanel
            source={{
              fileName: `${type.field}`,
              columns: columns.map(({ id, zh, en }) => ({ id, zh, en })),
              pages: (signal) => allRecordPages(type, paths, filter, signal),
            }}
          />
        </>
      )}
    </section>
  );
}
