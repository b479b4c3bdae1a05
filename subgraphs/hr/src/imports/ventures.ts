import { In } from 'typeorm';
import type { ImportRecordType } from '@rg/record-import';
import { Venture } from '../entities';
import { RecordVentureInput, recordVenture } from '../resolvers/venture-mutations.resolver';
import { traineeIdOf } from './trainee-reference';

const keyOf = (founderId: number | string, name: string) => `${founderId}|${name}`;

/** Businesses trainees opened (创业实体登记), named by their founder's citizen ID: a venture is its name for its founder. */
export const ventureImport: ImportRecordType<RecordVentureInput, Venture> = {
  name: 'ventures',
  recordType: 'Venture',
  // Each row adds to its county's venture_tally row, locked until the batch commits: one batch at a time.
  concurrency: 1,
  columns: [
    { field: 'founderCitizenId', header: '创办人身份证号', required: true },
    { field: 'name', header: '企业名称', required: true },
    { field: 'industry', header: '所属行业', required: true },
    { field: 'openedOn', header: '开业日期', kind: 'date', required: true },
    { field: 'jobsCreated', header: '带动就业人数', kind: 'int', required: true },
  ],
  inputClass: RecordVentureInput,
  columnOf: { founderId: 'founderCitizenId' },
  async toInput(values, tx) {
    return Object.assign(new RecordVentureInput(), {
      founderId: await traineeIdOf(tx, values.founderCitizenId, 'founderCitizenId'),
      name: values.name, industry: values.industry, openedOn: values.openedOn, jobsCreated: values.jobsCreated,
    });
  },
  naturalKey: (input) => keyOf(input.founderId, input.name.trim()),
  async findExisting(tx, inputs) {
    const found = await tx.getRepository(Venture).findBy({ founderId: In(inputs.map((i) => Number(i.founderId))) });
    return new Map(found.map((v) => [keyOf(v.founderId, v.name), v]));
  },
  differs(existing, input) {
    if (existing.industry !== input.industry.trim()) return 'industry';
    if (existing.openedOn !== input.openedOn) return 'openedOn';
    if (existing.jobsCreated !== input.jobsCreated) return 'jobsCreated';
    return null;
  },
  write: recordVenture,
};
