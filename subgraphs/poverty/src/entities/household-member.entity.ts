import { Authorized, Field, ID, Int, ObjectType } from 'type-graphql';
import { ownerOnly } from '@rg/access';
import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Gender, HouseholdRelation } from './enums';

/**
 * A person in a registered household. The registry collected the citizen ID; it stays in
 * this database. Other departments reach the person by `personKey`.
 */
@ObjectType()
@Authorized() // records about persons: signed-in roles only, never the public
@Entity('household_member')
// Named as the migrations name them, so TypeORM sees the same tables the migrations build.
@Check('household_member_birth_year_check', `((birth_year >= 1900) AND (birth_year <= 2100))`)
@Unique('household_member_citizen_id_key', ['citizenId'])
@Check('household_member_gender_check', `(gender = ANY (ARRAY['MALE'::text, 'FEMALE'::text]))`)
@ForeignKey('PoorHousehold', ['householdId'], ['id'], { name: 'household_member_household_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@Check('household_member_name_check', `(btrim(name) <> ''::text)`)
@Unique('household_member_person_key_key', ['personKey'])
@Check('household_member_relation_check', `(relation = ANY (ARRAY['HEAD'::text, 'SPOUSE'::text, 'CHILD'::text, 'PARENT'::text, 'OTHER'::text]))`)
@Index('household_member_head_key', ['householdId'], { unique: true, where: `(relation = 'HEAD'::text)` })
@Index('household_member_household_idx', ['householdId'])
@Index('household_member_person_key_prefix_idx', ['personKeyPrefix'])
export class HouseholdMember {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'household_id', type: 'int' })
  householdId: number;

  /** Raw citizen ID: never a GraphQL field. */
  @Column({ name: 'citizen_id', type: 'char', length: 18, unique: true })
  citizenId: string;

  @Field({ description: 'Pseudonymous cross-department person key' })
  @Column({ name: 'person_key', type: 'char', length: 35, unique: true })
  personKey: string;

  /** First 64 bits of personKey, for matching hr's trainee key sets. */
  @Column({ name: 'person_key_prefix', type: 'bigint' })
  personKeyPrefix: string;

  @Field(() => String, { nullable: true, description: 'Personal: poverty staff and admins only' })
  @Authorized(ownerOnly('poverty'))
  @Column({ type: 'text' })
  name: string;

  @Field(() => Gender)
  @Column({ type: 'text' })
  gender: Gender;

  @Field(() => Int)
  @Column({ name: 'birth_year', type: 'smallint' })
  birthYear: number;

  @Field(() => HouseholdRelation)
  @Column({ type: 'text' })
  relation: HouseholdRelation;
}
