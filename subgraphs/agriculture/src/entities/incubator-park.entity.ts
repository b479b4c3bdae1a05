import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ParkKind, ParkLevel } from './enums';

/** A returnee incubator park (返乡创业园, 孵化基地); the province targets 20 new ones by 2020 (000). */
@ObjectType()
@Directive('@key(fields: "id")')
@Entity('incubator_park')
// Named as the migrations name them, so TypeORM sees the same tables the migrations build.
@Check('incubator_park_capacity_check', `((capacity >= 1) AND (capacity <= 10000))`)
@Check('incubator_park_industries_check', `(((cardinality(industries) >= 1) AND (cardinality(industries) <= 10)) AND (array_position(industries, NULL::text) IS NULL))`)
@Check('incubator_park_kind_check', `(kind = ANY (ARRAY['RETURNEE_PARK'::text, 'OTHER_INCUBATOR'::text]))`)
@Check('incubator_park_level_check', `(level = ANY (ARRAY['COUNTY'::text, 'CITY'::text, 'PROVINCE'::text, 'NATIONAL'::text]))`)
@Check('incubator_park_name_check', `(btrim(name) <> ''::text)`)
// CREATE INDEX incubator_park_industries_idx ON public.incubator_park USING gin (industries)
@Index('incubator_park_industries_idx', { synchronize: false })
@Index('incubator_park_level_idx', ['level'])
@Index('incubator_park_opened_on_idx', ['openedOn'])
@Index('incubator_park_region_idx', ['regionCode'])
export class IncubatorPark {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field({ description: 'County-level GB/T 2260 code' })
  @Column({ name: 'region_code', type: 'char', length: 6 })
  regionCode: string;

  @Field(() => ParkLevel)
  @Column({ type: 'text' })
  level: ParkLevel;

  @Field(() => ParkKind, { description: 'Whether it is a returnee park, which the plan\'s new-parks target counts' })
  @Column({ type: 'text', default: ParkKind.RETURNEE_PARK })
  kind: ParkKind;

  @Field(() => LocalDateResolver)
  @Column({ name: 'opened_on', type: 'date' })
  openedOn: string;

  @Field(() => Int, { description: 'Ventures the park can host at once' })
  @Column({ type: 'int' })
  capacity: number;

  /** Searched with @>, so the migration gives it a GIN index. */
  @Field(() => [String], { description: 'Industries the park hosts' })
  @Column({ type: 'text', array: true })
  industries: string[];
}
