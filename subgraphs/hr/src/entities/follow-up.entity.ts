import { Authorized, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ownerOnly } from '@rg/access';
import { LocalDateResolver } from 'graphql-scalars';
import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BusinessStatus } from './enums';

/** A follow-up visit (跟踪帮扶) after training. */
@ObjectType()
@Authorized() // records about a person: signed-in roles only, never the public
@Entity('follow_up')
// Named as the migrations name them, so TypeORM sees the same tables the migrations build.
@Check('follow_up_business_status_check', `(business_status = ANY (ARRAY['PREPARING'::text, 'OPERATING'::text, 'STRUGGLING'::text, 'CLOSED'::text]))`)
@Check('follow_up_jobs_check', `(jobs >= 0)`)
@Check('follow_up_output_value_yuan_check', `(output_value_yuan >= 0)`)
@ForeignKey('Mentor', ['mentorId'], ['id'], { name: 'follow_up_mentor_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('Trainee', ['traineeId'], ['id'], { name: 'follow_up_trainee_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@Index('follow_up_mentor_idx', ['mentorId'])
@Index('follow_up_trainee_idx', ['traineeId'])
export class FollowUp {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'trainee_id', type: 'int' })
  traineeId: number;

  @Column({ name: 'mentor_id', type: 'int', nullable: true })
  mentorId: number | null;

  @Field(() => LocalDateResolver)
  @Column({ name: 'visited_on', type: 'date' })
  visitedOn: string;

  @Field(() => BusinessStatus)
  @Column({ name: 'business_status', type: 'text' })
  businessStatus: BusinessStatus;

  @Field(() => String, { nullable: true, description: 'Free text about the person: hr staff and admins only' })
  @Authorized(ownerOnly('hr'))
  @Column({ name: 'help_given', type: 'text' })
  helpGiven: string;

  @Field(() => Boolean, { nullable: true, description: 'In work at the visit (for trainees who did not start a business); null if not asked' })
  @Column({ type: 'boolean', nullable: true })
  employed: boolean | null;

  @Field(() => Int, { nullable: true, description: "Jobs the trainee's business provides at the visit; null if not asked" })
  @Column({ type: 'int', nullable: true })
  jobs: number | null;

  @Field(() => Float, { nullable: true, description: "The business's output value over the last year, yuan; null if not asked" })
  @Column({ name: 'output_value_yuan', type: 'bigint', nullable: true, transformer: { to: (v) => v, from: (v) => (v === null ? null : Number(v)) } })
  outputValueYuan: number | null;
}
