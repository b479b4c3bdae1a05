import { In } from 'typeorm';
import { CellProblem, type ImportRecordType } from '@rg/record-import';
import { Enrolment, SubsidyKind, TrainingSubsidy } from '../entities';
import { PayTrainingSubsidyInput, payTrainingSubsidy } from '../resolvers/institution-mutations.resolver';
import { traineeIdOf } from './trainee-reference';

const keyOf = (enrolmentId: number | string, kind: string, paidOn: string) => `${enrolmentId}|${kind}|${paidOn}`;

export const SUBSIDY_KIND_LABELS: Record<string, string> = { 培训补贴: SubsidyKind.COMPLETION, 成果补贴: SubsidyKind.RESULT };

/**
 * The training-subsidy ledger (培训补贴发放台账): the trainee by citizen ID and the course by its
 * id name the enrolment paid for. payTrainingSubsidy's checks apply row by row: completed,
 * passed for a result subsidy, institution not barred, once per person, kind and course level.
 */
export const trainingSubsidyImport: ImportRecordType<PayTrainingSubsidyInput, TrainingSubsidy> = {
  name: 'training-subsidies',
  recordType: 'TrainingSubsidy',
  // Each payment locks its trainee so "once per level" holds: one batch at a time.
  concurrency: 1,
  columns: [
    { field: 'citizenId', header: '身份证号', required: true },
    { field: 'courseId', header: '课程编号', required: true },
    { field: 'kind', header: '补贴类型', kind: 'enum', labels: SUBSIDY_KIND_LABELS, required: true },
    { field: 'amountYuan', header: '补贴金额（元）', kind: 'int', required: true },
    { field: 'paidOn', header: '发放日期', kind: 'date', required: true },
  ],
  inputClass: PayTrainingSubsidyInput,
  columnOf: { enrolmentId: 'courseId' },
  async toInput(values, tx) {
    const traineeId = Number(await traineeIdOf(tx, values.citizenId, 'citizenId'));
    const courseId = Number(values.courseId);
    const enrolment = Number.isInteger(courseId) ? await tx.getRepository(Enrolment).findOneBy({ traineeId, courseId }) : null;
    if (!enrolment) throw new CellProblem('courseId', 'the trainee is not enrolled in this course');
    return Object.assign(new PayTrainingSubsidyInput(), {
      enrolmentId: String(enrolment.id), kind: values.kind, amountYuan: values.amountYuan, paidOn: values.paidOn,
    });
  },
  naturalKey: (input) => keyOf(input.enrolmentId, input.kind, input.paidOn),
  async findExisting(tx, inputs) {
    const found = await tx.getRepository(TrainingSubsidy).findBy({ enrolmentId: In(inputs.map((i) => Number(i.enrolmentId))) });
    return new Map(found.map((s) => [keyOf(s.enrolmentId, s.kind, s.paidOn), s]));
  },
  differs: (existing, input) => (existing.amountYuan !== input.amountYuan ? 'amountYuan' : null),
  write: payTrainingSubsidy,
};
