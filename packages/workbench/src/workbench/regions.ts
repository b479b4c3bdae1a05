import { allCities, childrenOf, findRegion, PROVINCE_CODE, type Region } from '@rg/regions';

/** Jiangsu's GB/T 2260 table, bundled: the tree (province → 13 cities → 104 counties) needs no request. */
export { allCities, childrenOf, findRegion, PROVINCE_CODE, type Region };

export function regionName(code: string): string {
  return findRegion(code)?.name ?? code;
}
