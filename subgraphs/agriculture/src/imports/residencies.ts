import { In } from 'typeorm';
import type { ImportRecordType } from '@rg/record-import';
import { Residency } from '../entities';
import { AdmitVentureInput, admitVenture } from '../resolvers/residency-mutations.resolver';

const keyOf = (parkId: number | string, ventureId: number | string, enteredOn: string) => `${parkId}|${ventureId}|${enteredOn}`;

/**
 * Admissions of ventures to parks (入园登记), naming the park and hr's venture by their ids, as
 * the API does. A venture enters a park on a given day once: that is the natural key.
 */
export const residencyImport: ImportRecordType<AdmitVentureInput, Residency> = {
  name: 'residencies',
  recordType: 'Residency',
  // Each admission locks its park to keep occupancy within capacity: one batch at a time.
  concurrency: 1,
  columns: [
    { field: 'parkId', header: '园区编号', required: true },
    { field: 'ventureId', header: '创业项目编号', required: true },
    { field: 'enteredOn', header: '入园日期', kind: 'date', required: true },
  ],
  inputClass: AdmitVentureInput,
  naturalKey: (input) => keyOf(input.parkId, input.ventureId, input.enteredOn),
  async findExisting(tx, inputs) {
    const ids = inputs.map((i) => Number(i.ventureId)).filter(Number.isInteger);
    const found = ids.length ? await tx.getRepository(Residency).findBy({ ventureId: In(ids) }) : [];
    return new Map(found.map((r) => [keyOf(r.parkId, r.ventureId, r.enteredOn), r]));
  },
  differs: () => null,
  write: admitVenture,
};
