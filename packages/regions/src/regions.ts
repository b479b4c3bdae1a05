import table from './jiangsu.generated.json';

export type RegionLevel = 'PROVINCE' | 'CITY' | 'COUNTY';

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

const byCode = new Map<string, Region>();
const childrenByCode = new Map<string, string[]>();

function add(region: Region): void {
  byCode.set(region.code, region);
  if (region.parentCode) {
    const siblings = childrenByCode.get(region.parentCode) ?? [];
    siblings.push(region.code);
    childrenByCode.set(region.parentCode, siblings);
  }
}

add({ code: table.province.code, name: table.province.name, level: 'PROVINCE', parentCode: null });
for (const city of table.cities) add({ ...city, level: 'CITY', parentCode: table.province.code });
for (const county of table.counties) {
  add({ code: county.code, name: county.name, level: 'COUNTY', parentCode: county.cityCode });
}

export const PROVINCE_CODE = table.province.code;

export function findRegion(code: string): Region | undefined {
  return byCode.get(code);
}

export function isRegionCode(code: string): boolean {
  return byCode.has(code);
}

export function childrenOf(code: string): Region[] {
  return (childrenByCode.get(code) ?? []).map((c) => byCode.get(c)!);
}

/** Every county-level code at or under `code`; records carry county codes, so this is the roll-up. */
export function countiesUnder(code: string): string[] {
  const region = byCode.get(code);
  if (!region) return [];
  if (region.level === 'COUNTY') return [code];
  return childrenOf(code).flatMap((child) => countiesUnder(child.code));
}

/** The chain from a region up to the province, nearest first. */
export function ancestorsOf(code: string): Region[] {
  const chain: Region[] = [];
  let current = byCode.get(code);
  while (current?.parentCode) {
    current = byCode.get(current.parentCode);
    if (current) chain.push(current);
  }
  return chain;
}

/** The city a county (or the city itself) belongs to. */
export function cityOf(code: string): Region | undefined {
  const region = byCode.get(code);
  if (!region) return undefined;
  if (region.level === 'CITY') return region;
  if (region.level === 'COUNTY') return byCode.get(region.parentCode!);
  return undefined;
}

export function allCounties(): Region[] {
  return [...byCode.values()].filter((r) => r.level === 'COUNTY');
}

export function allCities(): Region[] {
  return [...byCode.values()].filter((r) => r.level === 'CITY');
}
