import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ParkLevel } from './enums';

/** A returnee incubator park (返乡创业园, 孵化基地); the province targets 20 new ones by 2020 (000). */
@ObjectType()
@Directive('@key(fields: "id")')
@Entity('incubator_park')
export class IncubatorPark {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field({ description: 'County-level GB/T 2260 code' })
  @Index()
  @Column({ name: 'region_code', type: 'char', length: 6 })
  regionCode: string;

  @Field(() => ParkLevel)
  @Index()
  @Column({ type: 'text' })
  level: ParkLevel;

  @Field(() => LocalDateResolver)
  @Index()
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
