import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CourseType } from './enums';

@ObjectType()
@Entity('course')
// Named as the migrations name them, so TypeORM sees the same tables the migrations build.
@Check('course_check', `(ends_on >= starts_on)`)
@ForeignKey('TrainingInstitution', ['institutionId'], ['id'], { name: 'course_institution_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@Check('course_type_check', `(type = ANY (ARRAY['BUSINESS_AWARENESS'::text, 'SYB'::text, 'IYB'::text, 'ECOMMERCE'::text, 'SKILL_PLUS'::text]))`)
@Index('course_institution_idx', ['institutionId'])
@Index('course_region_idx', ['regionCode'])
export class Course {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'institution_id', type: 'int' })
  institutionId: number;

  @Field(() => CourseType)
  @Column({ type: 'text' })
  type: CourseType;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field()
  @Column({ name: 'region_code', type: 'char', length: 6 })
  regionCode: string;

  @Field(() => LocalDateResolver)
  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Field(() => LocalDateResolver)
  @Column({ name: 'ends_on', type: 'date' })
  endsOn: string;
}
