import { In } from 'typeorm';
import type { ImportRecordType } from '@rg/record-import';
import { Award, AwardLevel, AwardRecipientKind } from '../entities';
import { GrantAwardInput, grantAward } from '../resolvers/publicity-mutations.resolver';
import { CellProblem } from '@rg/record-import';
import { personKeyFromRow } from './person';

export const LEVEL_LABELS: Record<string, string> = {
  县级: AwardLevel.COUNTY, 市级: AwardLevel.CITY, 省级: AwardLevel.PROVINCE, 国家级: AwardLevel.NATIONAL,
};

export const RECIPIENT_KIND_LABELS: Record<string, string> = { 个人: AwardRecipientKind.PERSON, 企业: AwardRecipientKind.VENTURE };

/** The recipient (a person's key, or `v` and the venture id), title and year. */
const keyOf = (recipient: string, title: string, year: number) => `${recipient}|${title}|${year}`;
const recipientOf = (a: { personKey?: string | null; ventureId?: string | number | null }) =>
  a.ventureId !== undefined && a.ventureId !== null ? `v${a.ventureId}` : String(a.personKey);

/**
 * Award rolls (表彰名单): a person or an enterprise holds a title at most once a year, which is
 * also the natural key. A row to an enterprise (获奖对象类型 企业) names hr's venture id and no person.
 */
export const awardImport: ImportRecordType<GrantAwardInput, Award> = {
  name: 'awards',
  recordType: 'Award',
  columns: [
    { field: 'recipientKind', header: '获奖对象类型', kind: 'enum', labels: RECIPIENT_KIND_LABELS },
    { field: 'citizenId', header: '身份证号', derived: true },
    { field: 'personKey', header: '人员标识', derived: true },
    { field: 'ventureId', header: '企业编号' },
    { field: 'recipientName', header: '获奖人姓名' },
    { field: 'title', header: '奖项名称', required: true },
    { field: 'level', header: '奖项级别', kind: 'enum', labels: LEVEL_LABELS, required: true },
    { field: 'year', header: '获奖年份', kind: 'int', required: true },
    { field: 'regionCode', header: '所属县区代码', required: true },
  ],
  inputClass: GrantAwardInput,
  columnOf: { personKey: 'citizenId' },
  async toInput(values) {
    const recipientKind = values.recipientKind ?? AwardRecipientKind.PERSON;
    const toEnterprise = recipientKind === AwardRecipientKind.VENTURE;
    // A row to an enterprise names no person: an ID there is a mistake, not something to drop.
    if (toEnterprise && values.citizenId !== undefined) throw new CellProblem('citizenId', 'not for an award to an enterprise');
    if (toEnterprise && values.personKey !== undefined) throw new CellProblem('personKey', 'not for an award to an enterprise');
    return Object.assign(new GrantAwardInput(), {
      recipientKind,
      personKey: toEnterprise ? undefined : personKeyFromRow(values, 'citizenId', 'personKey'),
      ventureId: values.ventureId === undefined ? undefined : String(values.ventureId),
      recipientName: values.recipientName, title: values.title, level: values.level, year: values.year, regionCode: values.regionCode,
    });
  },
  naturalKey: (input) => keyOf(recipientOf(input), input.title.trim(), input.year),
  async findExisting(tx, inputs) {
    const keys = inputs.flatMap((i) => (i.personKey ? [i.personKey] : []));
    const ventures = inputs.flatMap((i) => (i.ventureId && Number.isInteger(Number(i.ventureId)) ? [Number(i.ventureId)] : []));
    const found = await tx.getRepository(Award).find({ where: [{ personKey: In(keys) }, { ventureId: In(ventures) }] });
    return new Map(found.map((a) => [keyOf(recipientOf(a), a.title, a.year), a]));
  },
  differs(existing, input) {
    if (existing.recipientName !== (input.recipientName?.trim() ?? null)) return 'recipientName';
    if (existing.level !== input.level) return 'level';
    if (existing.regionCode !== input.regionCode) return 'regionCode';
    return null;
  },
  write: grantAward,
};
