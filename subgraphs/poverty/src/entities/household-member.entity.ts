import { Authorized, Field, ID, Int, ObjectType } from 'type-graphql';
import { ownerOnly } from '@rg/subgraph-kit';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Gender, HouseholdRelation } from './enums';

/**
 * A person in a registered household. The registry collected the citizen ID; it stays in
 * this database. Other departments reach the person by `personKey`.
 */
@ObjectType()
@Authorized() // records about persons: signed-in roles only, never the public
@Entity('household_member')
export class HouseholdMember {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ name: 'household_id', type: 'int' })
  householdId: number;

  /** Raw citizen ID: never a GraphQL field. */
  @Column({ name: 'citizen_id', type: 'char', length: 18, unique: true })
  citizenId: string;

  @Field({ description: 'Pseudonymous cross-department person key' })
  @Column({ name: 'person_key', type: 'char', length: 35, unique: true })
  personKey: string;

  /** First 64 bits of personKey, for matching hr's trainee key sets. */
  @Index()
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
