import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A business mentor (创业导师) who makes follow-up visits. */
@ObjectType()
@Entity('mentor')
// Named as the migrations name them, so TypeORM sees the same tables the migrations build.
@Index('mentor_region_idx', ['regionCode'])
export class Mentor {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field()
  @Column({ name: 'region_code', type: 'char', length: 6 })
  regionCode: string;

  @Field()
  @Column({ type: 'text' })
  speciality: string;
}
