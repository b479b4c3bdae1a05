import { Authorized, Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { ownerOnly } from '@rg/access';
import { LocalDateResolver } from 'graphql-scalars';
import { Check, Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
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
// Named as the migrations name them, so TypeORM sees the same tables the migrations build.
@Check('trainee_category_check', `(category = ANY (ARRAY['MIGRANT_WORKER'::text, 'REGISTERED_POOR'::text, 'COLLEGE_GRADUATE'::text, 'VETERAN'::text]))`)
@Unique('trainee_citizen_id_key', ['citizenId'])
@Check('trainee_gender_check', `(gender = ANY (ARRAY['MALE'::text, 'FEMALE'::text]))`)
@Unique('trainee_person_key_key', ['personKey'])
@Check('trainee_stage_check', `(stage = ANY (ARRAY['AWARENESS'::text, 'STARTUP'::text, 'GROWTH'::text]))`)
@Index('trainee_category_idx', ['category'])
@Index('trainee_gender_idx', ['gender'])
@Index('trainee_person_key_prefix_idx', ['personKeyPrefix'])
@Index('trainee_region_first_completed_idx', ['regionCode', 'firstCompletedOn'])
@Index('trainee_region_category_id_idx', ['regionCode', 'category', 'id'])
@Index('trainee_registered_on_idx', ['registeredOn'])
@Index('trainee_stage_idx', ['stage'])
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
  @Column({ type: 'text' })
  gender: Gender;

  @Field(() => Int)
  @Column({ name: 'birth_year', type: 'smallint' })
  birthYear: number;

  @Field({ description: 'County-level GB/T 2260 code' })
  @Column({ name: 'region_code', type: 'char', length: 6 })
  regionCode: string;

  @Field(() => TraineeCategory)
  @Column({ type: 'text' })
  category: TraineeCategory;

  @Field(() => TraineeStage)
  @Column({ type: 'text' })
  stage: TraineeStage;

  @Field(() => LocalDateResolver)
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
