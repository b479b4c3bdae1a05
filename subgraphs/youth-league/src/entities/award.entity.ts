import { Authorized, Field, ID, Int, ObjectType } from 'type-graphql';
import { ownerOnly } from '@rg/subgraph-kit';
import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AwardLevel } from './enums';

/** An entrepreneur award such as 返乡创业之星; a person holds a given title at most once a year. */
@ObjectType()
@Entity('award')
@Unique(['personKey', 'title', 'year'])
export class Award {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field(() => AwardLevel)
  @Index()
  @Column({ type: 'text' })
  level: AwardLevel;

  @Field(() => Int)
  @Index()
  @Column({ type: 'smallint' })
  year: number;

  @Field({ description: 'County-level GB/T 2260 code' })
  @Index()
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
