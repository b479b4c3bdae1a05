import { childrenOf, findRegion, PROVINCE_CODE } from './regions';
import { PLAN_YEARS } from './indicators';

/** The region tree as three linked lists: province → city → county; choosing a city shows its counties. */
export function RegionPicker({ code, onChange }: { code: string; onChange: (code: string) => void }) {
  const region = findRegion(code);
  const cityCode = region?.level === 'COUNTY' ? region.parentCode! : region?.level === 'CITY' ? code : '';
  const countyCode = region?.level === 'COUNTY' ? code : '';
  return (
    <span className="region-picker">
      <label>
        地区 <span className="field-name">regionCode</span>
        <select value={cityCode} onChange={(e) => onChange(e.target.value || PROVINCE_CODE)} data-testid="region-city">
          <option value="">江苏省（全省）</option>
          {childrenOf(PROVINCE_CODE).map((city) => (
            <option key={city.code} value={city.code}>{city.name}</option>
          ))}
        </select>
      </label>
      {cityCode && (
        <select value={countyCode} onChange={(e) => onChange(e.target.value || cityCode)} data-testid="region-county">
          <option value="">（全市）</option>
          {childrenOf(cityCode).map((county) => (
            <option key={county.code} value={county.code}>{county.name}</option>
          ))}
        </select>
      )}
      <span className="code">{code}</span>
    </span>
  );
}

export function YearPicker({ year, onChange, allowAll = false }: { year: number | null; onChange: (year: number | null) => void; allowAll?: boolean }) {
  return (
    <label>
      年度 <span className="field-name">year</span>
      <select value={year ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)} data-testid="year">
        {allowAll && <option value="">全部 / all</option>}
        {PLAN_YEARS.map((y) => (
          <option key={y} value={y}>{y}</option>
        ))}
      </select>
    </label>
  );
}
