import { In } from 'typeorm';
import type { ImportRecordType } from '@rg/record-import';
import { Award, AwardLevel } from '../entities';
import { GrantAwardInput, grantAward } from '../resolvers/publicity-mutations.resolver';
import { personKeyFromRow } from './person';

export const LEVEL_LABELS: Record<string, string> = {
  县级: AwardLevel.COUNTY, 市级: AwardLevel.CITY, 省级: AwardLevel.PROVINCE, 国家级: AwardLevel.NATIONAL,
};

const keyOf = (personKey: string, title: string, year: number) => `${personKey}|${title}|${year}`;

/** Award rolls (表彰名单): a person holds a title at most once a year, which is also the natural key. */
export const awardImport: ImportRecordType<GrantAwardInput, Award> = {
  name: 'awards',
  recordType: 'Award',
  columns: [
    { field: 'citizenId', header: '身份证号', derived: true },
    { field: 'personKey', header: '人员标识', derived: true },
    { field: 'recipientName', header: '获奖人姓名', required: true },
    { field: 'title', header: '奖项名称', required: true },
    { field: 'level', header: '奖项级别', kind: 'enum', labels: LEVEL_LABELS, required: true },
    { field: 'year', header: '获奖年份', kind: 'int', required: true },
    { field: 'regionCode', header: '所属县区代码', required: true },
  ],
  inputClass: GrantAwardInput,
  columnOf: { personKey: 'citizenId' },
  async toInput(values) {
    return Object.assign(new GrantAwardInput(), {
      personKey: personKeyFromRow(values, 'citizenId', 'personKey'),
      recipientName: values.recipientName, title: values.title, level: values.level, year: values.year, regionCode: values.regionCode,
    });
  },
  naturalKey: (input) => keyOf(input.personKey, input.title.trim(), input.year),
  async findExisting(tx, inputs) {
    const found = await tx.getRepository(Award).findBy({ personKey: In(inputs.map((i) => i.personKey)) });
    return new Map(found.map((a) => [keyOf(a.personKey, a.title, a.year), a]));
  },
  differs(existing, input) {
    if (existing.recipientName !== input.recipientName.trim()) return 'recipientName';
    if (existing.level !== input.level) return 'level';
    if (existing.regionCode !== input.regionCode) return 'regionCode';
    return null;
  },
  write: grantAward,
};
