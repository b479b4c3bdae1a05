import { Authorized, Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A trainee on a course; the certificate (培训合格证书) comes only after the unified exam (000 §4.3). */
@ObjectType()
@Authorized() // records about a person: signed-in roles only, never the public
@Entity('enrolment')
// Named as the migrations name them, so TypeORM sees the same tables the migrations build.
@Unique('enrolment_certificate_no_key', ['certificateNo'])
@Check('enrolment_check', `((certificate_no IS NULL) OR passed)`)
@ForeignKey('Course', ['courseId'], ['id'], { name: 'enrolment_course_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@Check('enrolment_satisfaction_check', `((satisfaction >= 1) AND (satisfaction <= 5))`)
@Unique('enrolment_trainee_id_course_id_key', ['traineeId', 'courseId'])
@ForeignKey('Trainee', ['traineeId'], ['id'], { name: 'enrolment_trainee_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@Index('enrolment_completed_on_idx', ['completedOn'])
@Index('enrolment_course_idx', ['courseId'])
export class Enrolment {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'trainee_id', type: 'int' })
  traineeId: number;

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
