import { PLAN_YEARS } from '../indicators';
import { RegionPicker } from '../region-picker';
import type { RecordType } from './record-types';

/** The API's filter for the record type, one input per argument; an empty input leaves the argument out. */
export function FilterForm({ type, filter, onChange }: { type: RecordType; filter: Record<string, unknown>; onChange: (filter: Record<string, unknown>) => void }) {
  const set = (name: string, value: unknown) => {
    const next = { ...filter };
    if (value === '' || value === null || value === undefined) delete next[name];
    else next[name] = value;
    onChange(next);
  };
  return (
    <div className="toolbar filters" data-testid="record-filters">
      {type.filters.map((f) => {
        const value = filter[f.name];
        if (f.kind === 'region') return <RegionPicker key={f.name} code={(value as string) ?? '320000'} onChange={(code) => set(f.name, code === '320000' ? '' : code)} />;
        return (
          <label key={f.name}>
            {f.zh} <span className="field-name">{f.name}</span>
            {f.kind === 'text' ? (
              <input value={(value as string) ?? ''} onChange={(e) => set(f.name, e.target.value)} size={8} />
            ) : (
              <select
                value={value === undefined ? '' : String(value)}
                data-filter={f.name}
                onChange={(e) => set(f.name, f.kind === 'year' ? (e.target.value ? Number(e.target.value) : '') : f.kind === 'boolean' ? (e.target.value === '' ? '' : e.target.value === 'true') : e.target.value)}
              >
                <option value="">全部</option>
                {f.kind === 'year' && PLAN_YEARS.map((y) => <option key={y} value={y}>{y}</option>)}
                {f.kind === 'boolean' && (<><option value="true">是</option><option value="false">否</option></>)}
                {f.kind === 'enum' && f.values!.map(([v, zh]) => <option key={v} value={v} title={v}>{zh}</option>)}
              </select>
            )}
          </label>
        );
      })}
    </div>
  );
}
