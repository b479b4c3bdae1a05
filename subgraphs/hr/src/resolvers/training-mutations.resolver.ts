import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { badUserInput, parseId } from '@rg/api-errors';
import { IsPastDate } from '@rg/input-validation';
import { ownerOnly } from '@rg/access';
import { Course, Enrolment, Trainee } from '../entities';
import type { HrContext } from './context';

@InputType()
export class EnrolInput {
  @Field(() => ID)
  traineeId: string;

  @Field(() => ID)
  courseId: string;

  @Field()
  @IsPastDate()
  enrolledOn: string;
}

@InputType({ description: 'Completing a course; a pass earns the certificate (培训合格证书)' })
export class RecordCompletionInput {
  @Field(() => ID)
  enrolmentId: string;

  @Field()
  @IsPastDate()
  completedOn: string;

  @Field({ description: 'Passed the unified exam' })
  passed: boolean;

  @Field(() => Int, { nullable: true, description: 'Satisfaction 1–5' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  satisfaction?: number;
}

@Resolver()
export class TrainingMutationResolver {
  @Authorized(ownerOnly('hr'))
  @Mutation(() => Enrolment)
  async enrol(@Arg('input') input: EnrolInput, @Ctx() ctx: HrContext): Promise<Enrolment> {
    return ctx.transaction(async (tx) => {
      const enrolment = await enrol(tx, input);
      await ctx.audit.write(tx, 'Enrolment', [enrolment.id]);
      return enrolment;
    });
  }

  @Authorized(ownerOnly('hr'))
  @Mutation(() => Enrolment, { description: 'Records the exam result; a pass issues the certificate number' })
  async recordCompletion(@Arg('input') input: RecordCompletionInput, @Ctx() ctx: HrContext): Promise<Enrolment> {
    const enrolmentId = parseId('input.enrolmentId', input.enrolmentId);
    return ctx.transaction(async (tx) => {
      const repo = tx.getRepository(Enrolment);
      const enrolment = await repo.findOne({ where: { id: enrolmentId }, lock: { mode: 'pessimistic_write' } });
      if (!enrolment) throw badUserInput('input.enrolmentId', 'no such enrolment');
      if (enrolment.completedOn) throw badUserInput('input.enrolmentId', 'the completion is already recorded');
      const course = await tx.getRepository(Course).findOneByOrFail({ id: enrolment.courseId });
      if (input.completedOn < course.startsOn) throw badUserInput('input.completedOn', 'must not be before the course starts');
      enrolment.completedOn = input.completedOn;
      enrolment.passed = input.passed;
      enrolment.satisfaction = input.satisfaction ?? null;
      enrolment.certificateNo = input.passed ? `JS${input.completedOn.slice(0, 4)}-E${String(enrolment.id).padStart(7, '0')}` : null;
      await repo.save(enrolment);
      // The six-month opening window runs from the first completed course.
      await tx.query(
        `UPDATE trainee SET first_completed_on = LEAST(COALESCE(first_completed_on, $2::date), $2::date) WHERE id = $1`,
        [enrolment.traineeId, input.completedOn],
      );
      await ctx.audit.write(tx, 'Enrolment', [enrolment.id]);
      return enrolment;
    });
  }
}

/** enrol's checks (the trainee and course exist, before the course starts, once) and write, shared with the enrolment import. */
export async function enrol(tx: EntityManager, input: EnrolInput): Promise<Enrolment> {
  const traineeId = parseId('input.traineeId', input.traineeId);
  const courseId = parseId('input.courseId', input.courseId);
  if (!(await tx.getRepository(Trainee).existsBy({ id: traineeId }))) throw badUserInput('input.traineeId', 'no such trainee');
  const course = await tx.getRepository(Course).findOneBy({ id: courseId });
  if (!course) throw badUserInput('input.courseId', 'no such course');
  if (input.enrolledOn > course.startsOn) throw badUserInput('input.enrolledOn', 'must not be after the course starts');
  const repo = tx.getRepository(Enrolment);
  if (await repo.existsBy({ traineeId, courseId })) throw badUserInput('input.courseId', 'the trainee is already enrolled');
  return repo.save(repo.create({
    traineeId, courseId, enrolledOn: input.enrolledOn,
    completedOn: null, passed: null, certificateNo: null, satisfaction: null,
  }));
}
