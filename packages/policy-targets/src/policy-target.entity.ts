import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * A target of the policy for one indicator, region and year, kept by the department that
 * owns the indicator, in its own database. The same type in every department that keeps
 * targets (@shareable): each answers for its own indicators.
 */
@ObjectType({ description: 'A policy target for one indicator in one region and year, with where the figure comes from' })
@Directive('@shareable')
@Entity('policy_target')
// Named as the migration names them, so TypeORM sees the table the migration builds.
@Unique('policy_target_key', ['indicator', 'regionCode', 'year'])
@Check('policy_target_year_check', `((year >= 2000) AND (year <= 2100))`)
@Check('policy_target_value_check', `(value >= (0)::double precision)`)
@Check('policy_target_unit_check', `(btrim(unit) <> ''::text)`)
@Check('policy_target_source_check', `(btrim(source) <> ''::text)`)
export class PolicyTarget {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'The scorecard indicator the target applies to, e.g. trained, passRate' })
  @Column({ type: 'text' })
  indicator: string;

  @Field(() => ID, { description: 'GB/T 2260 code of the province, a city or a county' })
  @Column({ name: 'region_code', type: 'char', length: 6 })
  regionCode: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  year: number;

  @Field(() => Float, { description: 'The figure to reach: at least this value' })
  @Column({ type: 'double precision' })
  value: number;

  @Field({ description: 'What the value counts: people, share (0 to 1), yuan, parks, jobs per venture' })
  @Column({ type: 'text' })
  unit: string;

  @Field({ description: 'Where the figure comes from: the notice and section, or how it is derived from them' })
  @Column({ type: 'text' })
  source: string;

  @Field({ description: 'The department that keeps the target: the owner of the indicator' })
  @Column({ type: 'text' })
  department: string;
}
