import { Authorized, Field, ID, Int, ObjectType } from 'type-graphql';
import { ownerOnly } from '@rg/access';
import { Check, Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AwardLevel } from './enums';

/** An entrepreneur award such as 返乡创业之星; a person holds a given title at most once a year. */
@ObjectType()
@Entity('award')
// Named as the migrations name them, so TypeORM sees the same tables the migrations build.
@Check('award_level_check', `(level = ANY (ARRAY['COUNTY'::text, 'CITY'::text, 'PROVINCE'::text, 'NATIONAL'::text]))`)
@Check('award_person_key_check', `(person_key ~ '^pk_[0-9a-f]{32}$'::text)`)
@Unique('award_person_key_title_year_key', ['personKey', 'title', 'year'])
@Check('award_region_code_check', `(region_code ~ '^[0-9]{6}$'::text)`)
@Check('award_title_check', `((length(btrim(title)) >= 1) AND (length(btrim(title)) <= 50))`)
@Check('award_year_check', `((year >= 2000) AND (year <= 2100))`)
@Index('award_level_idx', ['level'])
@Index('award_region_idx', ['regionCode'])
@Index('award_year_idx', ['year'])
export class Award {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field(() => AwardLevel)
  @Column({ type: 'text' })
  level: AwardLevel;

  @Field(() => Int)
  @Column({ type: 'smallint' })
  year: number;

  @Field({ description: 'County-level GB/T 2260 code' })
  @Column({ name: 'region_code', type: 'char', length: 6 })
  regionCode: string;

  @Field(() => String, { nullable: true, description: 'Personal: youth-league staff and admins only' })
  @Authorized(ownerOnly('youth-league'))
  @Column({ name: 'recipient_name', type: 'text' })
  recipientName: string;

  /** The recipient's person key; reached through `recipient`. */
  @Column({ name: 'person_key', type: 'char', length: 35 })
  personKey: string;
}
