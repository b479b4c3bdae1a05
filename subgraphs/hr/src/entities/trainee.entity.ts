import { Authorized, Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { ownerOnly } from '@rg/subgraph-kit';
import { LocalDateResolver } from 'graphql-scalars';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { maskCitizenId } from '@rg/person-key';
import { Gender, TraineeCategory, TraineeStage } from './enums';

/**
 * A returnee in training (hr collected the citizen ID; it stays in this database and leaves
 * only masked). Other departments reach a trainee by `personKey`.
 */
@ObjectType()
@Authorized() // records about a person: signed-in roles only, never the public
@Directive('@key(fields: "id")')
@Directive('@key(fields: "personKey")')
@Entity('trainee')
@Index(['regionCode', 'firstCompletedOn'])
export class Trainee {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  /** Raw citizen ID: never a GraphQL field. */
  @Column({ name: 'citizen_id', type: 'char', length: 18, unique: true })
  citizenId: string;

  @Field({ description: 'Pseudonymous cross-department person key' })
  @Column({ name: 'person_key', type: 'char', length: 35, unique: true })
  personKey: string;

  /** First 64 bits of personKey, for set matching with other departments. */
  @Index()
  @Column({ name: 'person_key_prefix', type: 'bigint' })
  personKeyPrefix: string;

  @Field(() => String, { nullable: true, description: 'Personal: hr staff and admins only' })
  @Authorized(ownerOnly('hr'))
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Personal: hr staff and admins only' })
  @Authorized(ownerOnly('hr'))
  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Field(() => Gender)
  @Index()
  @Column({ type: 'text' })
  gender: Gender;

  @Field(() => Int)
  @Column({ name: 'birth_year', type: 'smallint' })
  birthYear: number;

  @Field({ description: 'County-level GB/T 2260 code' })
  @Index()
  @Column({ name: 'region_code', type: 'char', length: 6 })
  regionCode: string;

  @Field(() => TraineeCategory)
  @Index()
  @Column({ type: 'text' })
  category: TraineeCategory;

  @Field(() => TraineeStage)
  @Index()
  @Column({ type: 'text' })
  stage: TraineeStage;

  @Field(() => LocalDateResolver)
  @Index()
  @Column({ name: 'registered_on', type: 'date' })
  registeredOn: string;

  /** Date of the first completed course: the start of the six-month opening window. */
  @Field(() => LocalDateResolver, { nullable: true })
  @Column({ name: 'first_completed_on', type: 'date', nullable: true })
  firstCompletedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Citizen ID with region and birth date hidden; hr staff and admins only' })
  @Authorized(ownerOnly('hr'))
  get citizenIdMasked(): string {
    return maskCitizenId(this.citizenId);
  }
}
