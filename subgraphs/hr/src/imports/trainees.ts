import { In } from 'typeorm';
import { CellProblem, type ImportRecordType } from '@rg/record-import';
import { normaliseCitizenId, parseCitizenId } from '@rg/person-key';
import { Trainee } from '../entities';
import { RegisterTraineeInput, registerTrainee } from '../resolvers/registration.resolver';
import { CATEGORY_LABELS, GENDER_LABELS, STAGE_LABELS } from './labels';

/**
 * hr's training roster (培训人员花名册): one row per returnee, keyed by citizen ID. The roster's
 * gender, county and birth-date columns are derived from the ID by the mutation; when a sheet
 * has them they must agree with the ID.
 */
export const traineeImport: ImportRecordType<RegisterTraineeInput, Trainee> = {
  name: 'trainees',
  recordType: 'Trainee',
  // Each row adds to its county's trainee_tally row, which stays locked until the batch commits:
  // one batch at a time, so two batches never wait on each other's tally rows.
  concurrency: 1,
  columns: [
    { field: 'citizenId', header: '身份证号', required: true, example: '320102199001011234' },
    { field: 'name', header: '姓名', required: true },
    { field: 'category', header: '人员类别', kind: 'enum', labels: CATEGORY_LABELS, required: true },
    { field: 'stage', header: '创业阶段', kind: 'enum', labels: STAGE_LABELS, required: true },
    { field: 'phone', header: '手机号码' },
    { field: 'registeredOn', header: '登记日期', kind: 'date' },
    { field: 'gender', header: '性别', kind: 'enum', labels: GENDER_LABELS, derived: true },
    { field: 'regionCode', header: '所属县区代码', derived: true },
    { field: 'birthDate', header: '出生日期', kind: 'date', derived: true },
  ],
  inputClass: RegisterTraineeInput,
  crossCheck(values, input) {
    const id = parseCitizenId(input.citizenId); // valid: the input's rules ran first
    if (values.gender !== undefined && values.gender !== id.gender) throw new CellProblem('gender', 'does not match the citizen ID');
    if (values.regionCode !== undefined && values.regionCode !== id.regionCode) throw new CellProblem('regionCode', 'does not match the citizen ID');
    if (values.birthDate !== undefined && values.birthDate !== id.birthDate) throw new CellProblem('birthDate', 'does not match the citizen ID');
  },
  naturalKey: (input) => normaliseCitizenId(input.citizenId),
  async findExisting(tx, inputs) {
    const found = await tx.getRepository(Trainee).findBy({ citizenId: In(inputs.map((i) => normaliseCitizenId(i.citizenId))) });
    return new Map(found.map((t) => [t.citizenId, t]));
  },
  differs(existing, input) {
    if (existing.name !== input.name.trim()) return 'name';
    if (existing.category !== input.category) return 'category';
    if (existing.stage !== input.stage) return 'stage';
    if (input.phone !== undefined && existing.phone !== input.phone) return 'phone';
    if (input.registeredOn !== undefined && existing.registeredOn !== input.registeredOn) return 'registeredOn';
    return null;
  },
  write: registerTrainee,
};
