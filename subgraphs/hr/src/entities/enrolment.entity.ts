import { Authorized, Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A trainee on a course; the certificate (培训合格证书) comes only after the unified exam (000 §4.3). */
@ObjectType()
@Authorized() // records about a person: signed-in roles only, never the public
@Entity('enrolment')
@Unique(['traineeId', 'courseId'])
@Index(['completedOn'])
export class Enrolment {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ name: 'trainee_id', type: 'int' })
  traineeId: number;

  @Index()
  @Column({ name: 'course_id', type: 'int' })
  courseId: number;

  @Field(() => LocalDateResolver)
  @Column({ name: 'enrolled_on', type: 'date' })
  enrolledOn: string;

  @Field(() => LocalDateResolver, { nullable: true })
  @Column({ name: 'completed_on', type: 'date', nullable: true })
  completedOn: string | null;

  @Field(() => Boolean, { nullable: true })
  @Column({ type: 'boolean', nullable: true })
  passed: boolean | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'certificate_no', type: 'text', nullable: true, unique: true })
  certificateNo: string | null;

  @Field(() => Int, { nullable: true, description: 'Satisfaction 1–5' })
  @Column({ type: 'smallint', nullable: true })
  satisfaction: number | null;
}
