import { In } from 'typeorm';
import type { ImportRecordType } from '@rg/record-import';
import { Enrolment } from '../entities';
import { EnrolInput, enrol } from '../resolvers/training-mutations.resolver';
import { traineeIdOf } from './trainee-reference';

const keyOf = (traineeId: number | string, courseId: number | string) => `${traineeId}|${courseId}`;

/** Course rosters (培训报名表): the trainee by citizen ID, the course by its id; a trainee enrols in a course once. */
export const enrolmentImport: ImportRecordType<EnrolInput, Enrolment> = {
  name: 'enrolments',
  recordType: 'Enrolment',
  columns: [
    { field: 'citizenId', header: '身份证号', required: true },
    { field: 'courseId', header: '课程编号', required: true },
    { field: 'enrolledOn', header: '报名日期', kind: 'date', required: true },
  ],
  inputClass: EnrolInput,
  columnOf: { traineeId: 'citizenId' },
  async toInput(values, tx) {
    return Object.assign(new EnrolInput(), {
      traineeId: await traineeIdOf(tx, values.citizenId, 'citizenId'), courseId: String(values.courseId), enrolledOn: values.enrolledOn,
    });
  },
  naturalKey: (input) => keyOf(input.traineeId, input.courseId.trim()),
  async findExisting(tx, inputs) {
    const found = await tx.getRepository(Enrolment).findBy({ traineeId: In(inputs.map((i) => Number(i.traineeId))) });
    return new Map(found.map((e) => [keyOf(e.traineeId, e.courseId), e]));
  },
  differs: (existing, input) => (existing.enrolledOn !== input.enrolledOn ? 'enrolledOn' : null),
  write: enrol,
};
