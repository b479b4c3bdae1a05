import { In } from 'typeorm';
import type { ImportRecordType } from '@rg/record-import';
import { normaliseCitizenId } from '@rg/person-key';
import { SupportType, WomenSupportCase } from '../entities';
import { OpenSupportCaseInput, openSupportCase } from '../resolvers/support-case-mutations.resolver';

const SUPPORT_TYPE_LABELS: Record<string, string> = {
  创业导师帮扶: SupportType.MENTORING,
  小额贷款推荐: SupportType.MICRO_CREDIT_REFERRAL,
  电商培训: SupportType.ECOMMERCE_TRAINING,
  托育服务: SupportType.CHILDCARE,
  其他: SupportType.OTHER,
};

const keyOf = (citizenId: string, supportType: string, openedOn: string) => `${citizenId}|${supportType}|${openedOn}`;

/**
 * The federation's support ledger (帮扶台账): one row per case opened. A woman may have several
 * cases, so the natural key is her citizen ID, the kind of support and the day it opened —
 * which is why the import needs 立案日期 where the mutation would default it to today.
 */
export const supportCaseImport: ImportRecordType<OpenSupportCaseInput, WomenSupportCase> = {
  name: 'support-cases',
  recordType: 'WomenSupportCase',
  columns: [
    { field: 'citizenId', header: '身份证号', required: true },
    { field: 'name', header: '姓名', required: true },
    { field: 'supportType', header: '帮扶类型', kind: 'enum', labels: SUPPORT_TYPE_LABELS, required: true },
    { field: 'openedOn', header: '立案日期', kind: 'date', required: true },
    { field: 'poorPriority', header: '建档立卡优先', kind: 'boolean', defaultValue: false },
  ],
  inputClass: OpenSupportCaseInput,
  naturalKey: (input) => keyOf(normaliseCitizenId(input.citizenId), input.supportType, input.openedOn!),
  async findExisting(tx, inputs) {
    const found = await tx.getRepository(WomenSupportCase).findBy({ citizenId: In(inputs.map((i) => normaliseCitizenId(i.citizenId))) });
    return new Map(found.map((c) => [keyOf(c.citizenId, c.supportType, c.openedOn), c]));
  },
  differs(existing, input) {
    if (existing.name !== input.name.trim()) return 'name';
    if (existing.poorPriority !== input.poorPriority) return 'poorPriority';
    return null;
  },
  write: openSupportCase,
};
