import { Authorized, Directive, Field, ID, ObjectType } from 'type-graphql';
import { ownerOnly } from '@rg/access';
import { LocalDateResolver } from 'graphql-scalars';
import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { SupportOutcome, SupportType } from './enums';

/**
 * A support case for a woman entrepreneur; poor women come first (000 §3.1). The federation
 * collected the citizen ID itself: it stays in this database, and the graph sees the person key.
 */
@ObjectType()
@Authorized() // records about a person: signed-in roles only, never the public
@Directive('@key(fields: "id")')
@Entity('women_support_case')
// Named as the migrations name them, so TypeORM sees the same tables the migrations build.
@Check('women_support_case_check', `((region_code)::text = substr((citizen_id)::text, 1, 6))`)
@Check('women_support_case_check1', `(closed_on >= opened_on)`)
@Check('women_support_case_check2', `((closed_on IS NULL) = (outcome = 'ONGOING'::text))`)
@Check('women_support_case_citizen_id_check', `(citizen_id ~ '^[0-9]{16}[02468][0-9X]$'::text)`)
@Check('women_support_case_name_check', `(length(btrim(name)) > 0)`)
@Check('women_support_case_outcome_check', `(outcome = ANY (ARRAY['VENTURE_OPENED'::text, 'EMPLOYED'::text, 'ONGOING'::text, 'WITHDRAWN'::text]))`)
@Check('women_support_case_person_key_check', `(person_key ~ '^pk_[0-9a-f]{32}$'::text)`)
@Check('women_support_case_support_type_check', `(support_type = ANY (ARRAY['MENTORING'::text, 'MICRO_CREDIT_REFERRAL'::text, 'ECOMMERCE_TRAINING'::text, 'CHILDCARE'::text, 'OTHER'::text]))`)
@Index('women_support_case_open_idx', ['regionCode'], { where: `(closed_on IS NULL)` })
@Index('women_support_case_opened_on_idx', ['openedOn'])
@Index('women_support_case_outcome_idx', ['outcome'])
@Index('women_support_case_person_key_idx', ['personKey'])
@Index('women_support_case_person_key_prefix_idx', ['personKeyPrefix'])
@Index('women_support_case_poor_priority_idx', ['regionCode'], { where: `poor_priority` })
@Index('women_support_case_region_opened_idx', ['regionCode', 'openedOn'])
@Index('women_support_case_support_type_idx', ['supportType'])
export class WomenSupportCase {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  /** Raw citizen ID: never a GraphQL field. */
  @Column({ name: 'citizen_id', type: 'char', length: 18 })
  citizenId: string;

  @Field({ description: 'Pseudonymous cross-department person key' })
  @Column({ name: 'person_key', type: 'char', length: 35 })
  personKey: string;

  /** First 64 bits of personKey, for matching the key sets other departments send. */
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
  @Column({ name: 'support_type', type: 'text' })
  supportType: SupportType;

  @Field(() => LocalDateResolver)
  @Column({ name: 'opened_on', type: 'date' })
  openedOn: string;

  @Field(() => LocalDateResolver, { nullable: true })
  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn: string | null;

  @Field(() => SupportOutcome)
  @Column({ type: 'text' })
  outcome: SupportOutcome;

  @Field({ description: 'A registered poor woman, as staff marked the case: priority for every support policy (registryPoor checks it)' })
  @Column({ name: 'poor_priority', type: 'boolean' })
  poorPriority: boolean;

  @Field({ description: 'Still open (not closed)' })
  get open(): boolean {
    return this.closedOn === null;
  }
}
