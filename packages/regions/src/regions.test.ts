import { allCities, allCounties, ancestorsOf, childrenOf, cityOf, countiesUnder, findRegion, PROVINCE_CODE } from './regions';

describe('Jiangsu GB/T 2260 regions', () => {
  it('holds the province, its 13 cities and 104 county-level divisions', () => {
    expect(findRegion(PROVINCE_CODE)).toEqual({ code: '320000', name: '江苏省', level: 'PROVINCE', parentCode: null });
    expect(allCities()).toHaveLength(13);
    expect(allCounties()).toHaveLength(104);
    expect(findRegion('320300')).toMatchObject({ name: '徐州市', level: 'CITY', parentCode: '320000' });
    expect(findRegion('320321')).toMatchObject({ name: '丰县', level: 'COUNTY', parentCode: '320300' });
  });

  it('rolls counties up to their city and the province', () => {
    expect(cityOf('320321')?.code).toBe('320300');
    expect(ancestorsOf('320321').map((r) => r.code)).toEqual(['320300', '320000']);
    expect(countiesUnder('320321')).toEqual(['320321']);
    const xuzhou = countiesUnder('320300');
    expect(xuzhou).toContain('320321');
    expect(xuzhou.every((code) => code.startsWith('3203'))).toBe(true);
    expect(xuzhou).toEqual(childrenOf('320300').map((r) => r.code));
  });

  it('partitions the province: every county under exactly one city, all cities summing to the province', () => {
    const byCity = allCities().map((city) => countiesUnder(city.code));
    const flattened = byCity.flat();
    expect(new Set(flattened).size).toBe(flattened.length);
    expect(flattened.sort()).toEqual(countiesUnder(PROVINCE_CODE).sort());
    expect(flattened).toHaveLength(104);
  });

  it('knows nothing of codes outside Jiangsu', () => {
    expect(findRegion('110105')).toBeUndefined();
    expect(countiesUnder('110000')).toEqual([]);
    expect(ancestorsOf('999999')).toEqual([]);
  });
});
