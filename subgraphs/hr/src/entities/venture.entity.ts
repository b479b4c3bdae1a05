import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A business opened by a trainee (开业); jobs created is 带动就业. */
@ObjectType()
@Directive('@key(fields: "id")')
@Entity('venture')
// Named as the migrations name them, so TypeORM sees the same tables the migrations build.
@Check('venture_check', `((closed_on IS NULL) OR (closed_on >= opened_on))`)
@ForeignKey('Trainee', ['founderId'], ['id'], { name: 'venture_founder_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@Check('venture_jobs_created_check', `(jobs_created >= 0)`)
@Index('venture_founder_idx', ['founderId'])
@Index('venture_industry_idx', ['industry'])
@Index('venture_opened_on_idx', ['openedOn'])
@Index('venture_region_opened_idx', ['regionCode', 'openedOn'])
export class Venture {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'founder_id', type: 'int' })
  founderId: number;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field()
  @Column({ type: 'text' })
  industry: string;

  @Field()
  @Column({ name: 'region_code', type: 'char', length: 6 })
  regionCode: string;

  @Field(() => LocalDateResolver)
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
