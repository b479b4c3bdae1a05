import { Authorized, Directive, Field, ID, ObjectType } from 'type-graphql';
import { ownerOnly } from '@rg/subgraph-kit';
import { LocalDateResolver } from 'graphql-scalars';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { SupportOutcome, SupportType } from './enums';

/**
 * A support case for a woman entrepreneur; poor women come first (000 §3.1). The federation
 * collected the citizen ID itself: it stays in this database, and the graph sees the person key.
 */
@ObjectType()
@Authorized() // records about a person: signed-in roles only, never the public
@Directive('@key(fields: "id")')
@Entity('women_support_case')
@Index(['regionCode', 'openedOn'])
export class WomenSupportCase {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  /** Raw citizen ID: never a GraphQL field. */
  @Column({ name: 'citizen_id', type: 'char', length: 18 })
  citizenId: string;

  @Field({ description: 'Pseudonymous cross-department person key' })
  @Index()
  @Column({ name: 'person_key', type: 'char', length: 35 })
  personKey: string;

  /** First 64 bits of personKey, for matching the key sets other departments send. */
  @Index()
  @Column({ name: 'person_key_prefix', type: 'bigint' })
  personKeyPrefix: string;

  @Field(() => String, { nullable: true, description: 'Personal: womens-federation staff and admins only' })
  @Authorized(ownerOnly('womens-federation'))
  @Column({ type: 'text' })
  name: string;

  @Field({ description: 'County-level GB/T 2260 code, from the citizen ID' })
  @Column({ name: 'region_code', type: 'char', length: 6 })
  regionCode: string;

  @Field(() => SupportType)
  @Index()
  @Column({ name: 'support_type', type: 'text' })
  supportType: SupportType;

  @Field(() => LocalDateResolver)
  @Index()
  @Column({ name: 'opened_on', type: 'date' })
  openedOn: string;

  @Field(() => LocalDateResolver, { nullable: true })
  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn: string | null;

  @Field(() => SupportOutcome)
  @Index()
  @Column({ type: 'text' })
  outcome: SupportOutcome;

  @Field({ description: 'A registered poor woman: priority for every support policy' })
  @Column({ name: 'poor_priority', type: 'boolean' })
  poorPriority: boolean;

  @Field({ description: 'Still open (not closed)' })
  get open(): boolean {
    return this.closedOn === null;
  }
}
