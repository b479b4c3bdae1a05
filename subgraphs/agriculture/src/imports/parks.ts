import { In } from 'typeorm';
import type { ImportRecordType } from '@rg/record-import';
import { IncubatorPark, ParkLevel } from '../entities';
import { CreateParkInput, createPark } from '../resolvers/park-mutations.resolver';

const LEVEL_LABELS: Record<string, string> = {
  县级: ParkLevel.COUNTY, 市级: ParkLevel.CITY, 省级: ParkLevel.PROVINCE, 国家级: ParkLevel.NATIONAL,
};

const keyOf = (regionCode: string, name: string) => `${regionCode}|${name}`;

/** The list of incubator parks (返乡创业园名录): a park is its name within its county. */
export const parkImport: ImportRecordType<CreateParkInput, IncubatorPark> = {
  name: 'parks',
  recordType: 'IncubatorPark',
  columns: [
    { field: 'name', header: '园区名称', required: true },
    { field: 'regionCode', header: '所属县区代码', required: true },
    { field: 'level', header: '园区级别', kind: 'enum', labels: LEVEL_LABELS, required: true },
    { field: 'openedOn', header: '认定日期', kind: 'date', required: true },
    { field: 'capacity', header: '可容纳项目数', kind: 'int', required: true },
    { field: 'industries', header: '主导产业', kind: 'list', required: true, example: '种植业、电子商务' },
  ],
  inputClass: CreateParkInput,
  naturalKey: (input) => keyOf(input.regionCode, input.name.trim()),
  async findExisting(tx, inputs) {
    const found = await tx.getRepository(IncubatorPark).findBy({ regionCode: In(inputs.map((i) => i.regionCode)), name: In(inputs.map((i) => i.name.trim())) });
    return new Map(found.map((p) => [keyOf(p.regionCode, p.name), p]));
  },
  differs(existing, input) {
    if (existing.level !== input.level) return 'level';
    if (existing.openedOn !== input.openedOn) return 'openedOn';
    if (existing.capacity !== input.capacity) return 'capacity';
    if (existing.industries.join('、') !== input.industries.map((i) => i.trim()).join('、')) return 'industries';
    return null;
  },
  write: createPark,
};
