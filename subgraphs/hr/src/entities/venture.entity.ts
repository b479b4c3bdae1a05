import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A business opened by a trainee (开业); jobs created is 带动就业. */
@ObjectType()
@Directive('@key(fields: "id")')
@Entity('venture')
@Index(['regionCode', 'openedOn'])
export class Venture {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ name: 'founder_id', type: 'int' })
  founderId: number;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field()
  @Index()
  @Column({ type: 'text' })
  industry: string;

  @Field()
  @Column({ name: 'region_code', type: 'char', length: 6 })
  regionCode: string;

  @Field(() => LocalDateResolver)
  @Index()
  @Column({ name: 'opened_on', type: 'date' })
  openedOn: string;

  @Field(() => Int)
  @Column({ name: 'jobs_created', type: 'int' })
  jobsCreated: number;

  @Field(() => LocalDateResolver, { nullable: true })
  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn: string | null;

  @Field({ description: 'Still operating (not closed)' })
  get operating(): boolean {
    return this.closedOn === null;
  }
}
