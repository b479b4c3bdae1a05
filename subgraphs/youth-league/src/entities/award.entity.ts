import { Authorized, Field, ID, Int, ObjectType } from 'type-graphql';
import { ownerOnly } from '@rg/access';
import { Check, Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AwardLevel, AwardRecipientKind } from './enums';

/**
 * An award such as 返乡创业之星 to a person, or to an enterprise (hr's venture, by id); a person
 * or an enterprise holds a given title at most once a year.
 */
@ObjectType()
@Entity('award')
// Named as the migrations name them, so TypeORM sees the same tables the migrations build.
@Check('award_level_check', `(level = ANY (ARRAY['COUNTY'::text, 'CITY'::text, 'PROVINCE'::text, 'NATIONAL'::text]))`)
@Check('award_person_key_check', `(person_key ~ '^pk_[0-9a-f]{32}$'::text)`)
@Unique('award_person_key_title_year_key', ['personKey', 'title', 'year'])
@Unique('award_venture_id_title_year_key', ['ventureId', 'title', 'year'])
@Check('award_recipient_kind_check', `(recipient_kind = ANY (ARRAY['PERSON'::text, 'VENTURE'::text]))`)
@Check('award_venture_id_check', `(venture_id > 0)`)
@Check('award_recipient_check', `CASE recipient_kind WHEN 'PERSON'::text THEN ((person_key IS NOT NULL) AND (recipient_name IS NOT NULL) AND (venture_id IS NULL)) ELSE ((venture_id IS NOT NULL) AND (person_key IS NULL) AND (recipient_name IS NULL)) END`)
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

  @Field(() => String, { nullable: true, description: 'Personal: youth-league staff and admins only; null for an award to an enterprise' })
  @Authorized(ownerOnly('youth-league'))
  @Column({ name: 'recipient_name', type: 'text', nullable: true })
  recipientName: string | null;

  /** The recipient's person key (PERSON); reached through `recipient`. */
  @Column({ name: 'person_key', type: 'char', length: 35, nullable: true })
  personKey: string | null;

  @Field(() => AwardRecipientKind, { description: 'A person or an enterprise' })
  @Column({ name: 'recipient_kind', type: 'text', default: AwardRecipientKind.PERSON })
  recipientKind: AwardRecipientKind;

  /** hr's venture (VENTURE); reached through `venture`. */
  @Column({ name: 'venture_id', type: 'int', nullable: true })
  ventureId: number | null;
}
