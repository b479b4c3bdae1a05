import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Course, Enrolment, FollowUp, Mentor, TrainingInstitution } from '../entities';
import type { HrContext } from './context';

@Resolver(() => Enrolment)
export class EnrolmentResolver {
  @FieldResolver(() => Course)
  async course(@Root() enrolment: Enrolment, @Ctx() ctx: HrContext): Promise<Course> {
    return (await ctx.loaders.courseById.load(enrolment.courseId))!;
  }
}

@Resolver(() => Course)
export class CourseResolver {
  @FieldResolver(() => TrainingInstitution)
  async institution(@Root() course: Course, @Ctx() ctx: HrContext): Promise<TrainingInstitution> {
    return (await ctx.loaders.institutionById.load(course.institutionId))!;
  }
}

@Resolver(() => FollowUp)
export class FollowUpResolver {
  @FieldResolver(() => Mentor, { nullable: true })
  mentor(@Root() followUp: FollowUp, @Ctx() ctx: HrContext): Promise<Mentor | null> {
    return followUp.mentorId === null ? Promise.resolve(null) : ctx.loaders.mentorById.load(followUp.mentorId);
  }
}
