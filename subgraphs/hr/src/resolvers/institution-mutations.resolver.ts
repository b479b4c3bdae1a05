import { Arg, Authorized, Ctx, Field, Float, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { badUserInput, parseId } from '@rg/api-errors';
import { IsPastDate, IsText, IsYearSince } from '@rg/input-validation';
import { ownerOnly } from '@rg/access';
import {
  Course, Enrolment, InstitutionDebarment, InstitutionDesignation, InstitutionEvaluation, SubsidyKind, Trainee,
  TrainingInstitution, TrainingSubsidy,
} from '../entities';
import type { HrContext } from './context';

@InputType()
export class DesignateInstitutionInput {
  @Field(() => ID) institutionId: string;
  @Field() @IsPastDate() designatedFrom: string;
  @Field({ nullable: true, description: 'Leave out while the designation runs' }) @IsOptional() @IsPastDate() designatedTo?: string;
  @Field() @IsText(100) reviewingBody: string;
}

@InputType()
export class RecordInstitutionEvaluationInput {
  @Field(() => ID) institutionId: string;
  @Field(() => Int) @IsYearSince(2000) year: number;
  @Field(() => Int) @IsInt() @Min(0) @Max(1_000_000) completions: number;
  @Field(() => Int) @IsInt() @Min(0) @Max(1_000_000) passes: number;
  @Field(() => Int) @IsInt() @Min(0) @Max(1_000_000) venturesWithin6m: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber({ maxDecimalPlaces: 2 }) @Min(1) @Max(5) satisfaction?: number;
}

@InputType()
export class DebarInstitutionInput {
  @Field(() => ID) institutionId: string;
  @Field() @IsPastDate() debarredOn: string;
  @Field() @IsText(500) reason: string;
}

@InputType({ description: 'One subsidy payment for one enrolment; a person is subsidised once per kind and course level' })
export class PayTrainingSubsidyInput {
  @Field(() => ID) enrolmentId: string;
  @Field(() => SubsidyKind) kind: SubsidyKind;
  @Field(() => Int) @IsInt() @Min(1) @Max(10_000) amountYuan: number;
  @Field() @IsPastDate() paidOn: string;
}

async function institutionOf(tx: EntityManager, field: string, id: string): Promise<TrainingInstitution> {
  const institution = await tx.getRepository(TrainingInstitution).findOne({ where: { id: parseId(field, id) }, lock: { mode: 'pessimistic_write' } });
  if (!institution) throw badUserInput(field, 'no such training institution');
  return institution;
}

export async function designateInstitution(tx: EntityManager, input: DesignateInstitutionInput): Promise<InstitutionDesignation> {
  const institution = await institutionOf(tx, 'input.institutionId', input.institutionId);
  const to = input.designatedTo ?? null;
  if (to !== null && to < input.designatedFrom) throw badUserInput('input.designatedTo', 'must not be before designatedFrom');
  const [{ overlaps }] = await tx.query(
    `SELECT EXISTS (SELECT 1 FROM institution_designation WHERE institution_id = $1
       AND designated_from <= coalesce($3::date, 'infinity') AND coalesce(designated_to, 'infinity') >= $2::date) AS overlaps`,
    [institution.id, input.designatedFrom, to],
  );
  if (overlaps) throw badUserInput('input.designatedFrom', 'overlaps a designation already recorded for this institution');
  const repo = tx.getRepository(InstitutionDesignation);
  return repo.save(repo.create({ institutionId: institution.id, designatedFrom: input.designatedFrom, designatedTo: to, reviewingBody: input.reviewingBody.trim() }));
}

export async function recordInstitutionEvaluation(tx: EntityManager, input: RecordInstitutionEvaluationInput): Promise<InstitutionEvaluation> {
  const institution = await institutionOf(tx, 'input.institutionId', input.institutionId);
  if (input.passes > input.completions) throw badUserInput('input.passes', 'must not exceed completions');
  if (input.venturesWithin6m > input.completions) throw badUserInput('input.venturesWithin6m', 'must not exceed completions');
  const repo = tx.getRepository(InstitutionEvaluation);
  if (await repo.existsBy({ institutionId: institution.id, year: input.year })) {
    throw badUserInput('input.year', 'this institution already has an evaluation for this year');
  }
  return repo.save(repo.create({
    institutionId: institution.id, year: input.year, completions: input.completions, passes: input.passes,
    venturesWithin6m: input.venturesWithin6m, satisfaction: input.satisfaction ?? null,
  }));
}

export async function debarInstitution(tx: EntityManager, input: DebarInstitutionInput): Promise<InstitutionDebarment> {
  const institution = await institutionOf(tx, 'input.institutionId', input.institutionId);
  const repo = tx.getRepository(InstitutionDebarment);
  return repo.save(repo.create({ institutionId: institution.id, debarredOn: input.debarredOn, reason: input.reason.trim() }));
}

/**
 * A subsidy follows a completion (COMPLETION) or a pass (RESULT), is not paid to a barred
 * institution, and not twice to one person for the same kind and course level.
 */
export async function payTrainingSubsidy(tx: EntityManager, input: PayTrainingSubsidyInput): Promise<TrainingSubsidy> {
  const enrolment = await tx.getRepository(Enrolment).findOneBy({ id: parseId('input.enrolmentId', input.enrolmentId) });
  if (!enrolment) throw badUserInput('input.enrolmentId', 'no such enrolment');
  // Locking the trainee serialises concurrent payments to one person, so "once per level" holds.
  await tx.getRepository(Trainee).findOne({ where: { id: enrolment.traineeId }, lock: { mode: 'pessimistic_write' } });
  if (enrolment.completedOn === null) throw badUserInput('input.enrolmentId', 'the course is not completed');
  if (input.kind === SubsidyKind.RESULT && !enrolment.passed) throw badUserInput('input.kind', 'a result subsidy needs a passed exam');
  if (input.paidOn < enrolment.completedOn) throw badUserInput('input.paidOn', 'must not be before the course was completed');
  const course = (await tx.getRepository(Course).findOneBy({ id: enrolment.courseId }))!;
  const [{ barred }] = await tx.query(
    'SELECT EXISTS (SELECT 1 FROM institution_debarment WHERE institution_id = $1 AND debarred_on <= $2) AS barred',
    [course.institutionId, input.paidOn],
  );
  if (barred) throw badUserInput('input.enrolmentId', 'the institution was barred from the programme by then');
  const [{ paid }] = await tx.query(
    `SELECT EXISTS (SELECT 1 FROM training_subsidy s JOIN enrolment e ON e.id = s.enrolment_id JOIN course c ON c.id = e.course_id
       WHERE e.trainee_id = $1 AND c.type = $2 AND s.kind = $3) AS paid`,
    [enrolment.traineeId, course.type, input.kind],
  );
  if (paid) throw badUserInput('input.enrolmentId', `this person was already paid a ${input.kind} subsidy for a ${course.type} course`);
  const repo = tx.getRepository(TrainingSubsidy);
  return repo.save(repo.create({ enrolmentId: enrolment.id, kind: input.kind, amountYuan: input.amountYuan, paidOn: input.paidOn }));
}

@Resolver()
export class InstitutionMutationResolver {
  @Authorized(ownerOnly('hr'))
  @Mutation(() => InstitutionDesignation, { description: 'Records a designation period (定点) after review' })
  async designateInstitution(@Arg('input') input: DesignateInstitutionInput, @Ctx() ctx: HrContext): Promise<InstitutionDesignation> {
    return ctx.transaction(async (tx) => {
      const record = await designateInstitution(tx, input);
      await ctx.audit.write(tx, 'InstitutionDesignation', [record.id]);
      return record;
    });
  }

  @Authorized(ownerOnly('hr'))
  @Mutation(() => InstitutionEvaluation, { description: "Records the reviewing body's evaluation of an institution's year" })
  async recordInstitutionEvaluation(@Arg('input') input: RecordInstitutionEvaluationInput, @Ctx() ctx: HrContext): Promise<InstitutionEvaluation> {
    return ctx.transaction(async (tx) => {
      const record = await recordInstitutionEvaluation(tx, input);
      await ctx.audit.write(tx, 'InstitutionEvaluation', [record.id]);
      return record;
    });
  }

  @Authorized(ownerOnly('hr'))
  @Mutation(() => InstitutionDebarment, { description: 'Bars an institution from the programme' })
  async debarInstitution(@Arg('input') input: DebarInstitutionInput, @Ctx() ctx: HrContext): Promise<InstitutionDebarment> {
    return ctx.transaction(async (tx) => {
      const record = await debarInstitution(tx, input);
      await ctx.audit.write(tx, 'InstitutionDebarment', [record.id]);
      return record;
    });
  }

  @Authorized(ownerOnly('hr'))
  @Mutation(() => TrainingSubsidy, { description: 'Records a training subsidy paid for an enrolment' })
  async payTrainingSubsidy(@Arg('input') input: PayTrainingSubsidyInput, @Ctx() ctx: HrContext): Promise<TrainingSubsidy> {
    return ctx.transaction(async (tx) => {
      const subsidy = await payTrainingSubsidy(tx, input);
      await ctx.audit.write(tx, 'TrainingSubsidy', [subsidy.id]);
      return subsidy;
    });
  }
}
