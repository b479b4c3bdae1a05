import { In } from 'typeorm';
import { CellProblem, type ImportRecordType } from '@rg/record-import';
import { normaliseCitizenId } from '@rg/person-key';
import { HouseholdMember, HouseholdRelation, PoorHousehold } from '../entities';
import { AddMemberInput } from '../resolvers/household-inputs';
import { addMember } from '../resolvers/household-mutations.resolver';

const RELATION_LABELS: Record<string, string> = {
  配偶: HouseholdRelation.SPOUSE,
  子女: HouseholdRelation.CHILD,
  父母: HouseholdRelation.PARENT,
  其他: HouseholdRelation.OTHER,
  户主: HouseholdRelation.HEAD, // read, so that the mutation's own rule can refuse it by name
};

/**
 * Household members beyond the head (家庭成员), naming their household by its registry number.
 * A person is registered in one household only, so the citizen ID is the natural key.
 */
export const memberImport: ImportRecordType<AddMemberInput, HouseholdMember> = {
  name: 'members',
  recordType: 'HouseholdMember',
  // Each member locks its household to grow its size: one batch at a time, no lock cycles.
  concurrency: 1,
  columns: [
    { field: 'householdNo', header: '户编号', required: true },
    { field: 'citizenId', header: '身份证号', required: true },
    { field: 'name', header: '姓名', required: true },
    { field: 'relation', header: '与户主关系', kind: 'enum', labels: RELATION_LABELS, required: true },
  ],
  inputClass: AddMemberInput,
  columnOf: { householdId: 'householdNo' },
  async toInput(values, tx) {
    const household = await tx.getRepository(PoorHousehold).findOneBy({ householdNo: String(values.householdNo) });
    if (!household) throw new CellProblem('householdNo', 'no household with this number is registered');
    return Object.assign(new AddMemberInput(), {
      householdId: String(household.id), citizenId: values.citizenId, name: values.name, relation: values.relation,
    });
  },
  naturalKey: (input) => normaliseCitizenId(input.citizenId),
  async findExisting(tx, inputs) {
    const found = await tx.getRepository(HouseholdMember).findBy({ citizenId: In(inputs.map((i) => normaliseCitizenId(i.citizenId))) });
    return new Map(found.map((m) => [m.citizenId, m]));
  },
  differs(existing, input) {
    if (String(existing.householdId) !== input.householdId) return 'householdNo';
    if (existing.name !== input.name.trim()) return 'name';
    if (existing.relation !== input.relation) return 'relation';
    return null;
  },
  write: addMember,
};
