import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CourseType } from './enums';

@ObjectType()
@Entity('course')
export class Course {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ name: 'institution_id', type: 'int' })
  institutionId: number;

  @Field(() => CourseType)
  @Column({ type: 'text' })
  type: CourseType;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field()
  @Index()
  @Column({ name: 'region_code', type: 'char', length: 6 })
  regionCode: string;

  @Field(() => LocalDateResolver)
  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Field(() => LocalDateResolver)
  @Column({ name: 'ends_on', type: 'date' })
  endsOn: string;
}
