import type { ImportRecordType } from '@rg/record-import';
import { normaliseCitizenId } from '@rg/person-key';
import { HouseholdRelation, PoorHousehold, PovertyCause } from '../entities';
import { HouseholdHeadInput, RegisterHouseholdInput } from '../resolvers/household-inputs';
import { registerHousehold } from '../resolvers/household-mutations.resolver';

export const CAUSE_LABELS: Record<string, string> = {
  因病: PovertyCause.ILLNESS,
  因残: PovertyCause.DISABILITY,
  缺技术: PovertyCause.LACK_OF_SKILLS,
  缺资金: PovertyCause.LACK_OF_CAPITAL,
  缺劳力: PovertyCause.LACK_OF_LABOUR,
  因灾: PovertyCause.DISASTER,
  其他: PovertyCause.OTHER,
};

interface RecordedHousehold {
  household: PoorHousehold;
  headName: string;
}

/**
 * The poverty registry (建档立卡户花名册): one row per household with its head. A person heads
 * one household and is registered in one only, so the head's citizen ID is the natural key.
 */
export const householdImport: ImportRecordType<RegisterHouseholdInput, RecordedHousehold> = {
  name: 'households',
  recordType: 'PoorHousehold',
  columns: [
    { field: 'householdNo', header: '户编号' },
    { field: 'regionCode', header: '所属县区代码', required: true },
    { field: 'cause', header: '主要致贫原因', kind: 'enum', labels: CAUSE_LABELS, required: true },
    { field: 'registeredYear', header: '建档年份', kind: 'int', required: true },
    { field: 'perCapitaIncomeYuan', header: '人均纯收入（元）', kind: 'int', required: true },
    { field: 'headCitizenId', header: '户主身份证号', required: true },
    { field: 'headName', header: '户主姓名', required: true },
  ],
  inputClass: RegisterHouseholdInput,
  columnOf: { 'head.citizenId': 'headCitizenId', 'head.name': 'headName', head: 'headCitizenId' },
  async toInput(values) {
    const head = Object.assign(new HouseholdHeadInput(), { citizenId: values.headCitizenId, name: values.headName });
    return Object.assign(new RegisterHouseholdInput(), {
      householdNo: values.householdNo, regionCode: values.regionCode, cause: values.cause,
      registeredYear: values.registeredYear, perCapitaIncomeYuan: values.perCapitaIncomeYuan, head,
    });
  },
  naturalKey: (input) => normaliseCitizenId(input.head.citizenId),
  async findExisting(tx, inputs) {
    const rows: Array<{ citizen_id: string; name: string; household_id: number }> = await tx.query(
      `SELECT citizen_id, name, household_id FROM household_member WHERE relation = $1 AND citizen_id = ANY($2)`,
      [HouseholdRelation.HEAD, inputs.map((i) => normaliseCitizenId(i.head.citizenId))]);
    const households = rows.length ? await tx.getRepository(PoorHousehold).findBy(rows.map((r) => ({ id: r.household_id }))) : [];
    const byId = new Map(households.map((h) => [h.id, h]));
    return new Map(rows.map((r) => [r.citizen_id, { household: byId.get(r.household_id)!, headName: r.name }]));
  },
  differs({ household, headName }, input) {
    if (input.householdNo !== undefined && household.householdNo !== input.householdNo.trim()) return 'householdNo';
    if (household.regionCode !== input.regionCode) return 'regionCode';
    if (household.cause !== input.cause) return 'cause';
    if (household.registeredYear !== input.registeredYear) return 'registeredYear';
    if (headName !== input.head.name.trim()) return 'headName';
    return null;
  },
  async write(tx, input) {
    const household = await registerHousehold(tx, input);
    return { id: household.id, household, headName: input.head.name.trim() };
  },
};
