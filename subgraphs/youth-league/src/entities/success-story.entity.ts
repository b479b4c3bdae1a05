import { Authorized, Directive, Field, ID, ObjectType } from 'type-graphql';
import { ownerOnly } from '@rg/subgraph-kit';
import { LocalDateResolver } from 'graphql-scalars';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { StoryChannel } from './enums';

/**
 * A success story (青春创富故事汇) about a returnee's venture. The protagonist and the venture
 * are hr's records: youth-league keeps only their keys and resolves them as references.
 * Published stories are public; drafts are youth-league's own (resolvers/drafts.ts).
 */
@ObjectType()
@Directive('@key(fields: "id")')
@Entity('success_story')
@Index(['regionCode', 'publishedOn'])
export class SuccessStory {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field()
  @Column({ type: 'text' })
  summary: string;

  /** hr's person key of the protagonist; reached through `protagonist`. */
  @Index()
  @Column({ name: 'protagonist_person_key', type: 'char', length: 35 })
  protagonistPersonKey: string;

  @Field(() => String, { nullable: true, description: 'Personal: youth-league staff and admins only' })
  @Authorized(ownerOnly('youth-league'))
  @Column({ name: 'protagonist_name', type: 'text' })
  protagonistName: string;

  /** hr's venture id; reached through `venture`. */
  @Index()
  @Column({ name: 'venture_id', type: 'int' })
  ventureId: number;

  @Field({ description: 'County-level GB/T 2260 code' })
  @Column({ name: 'region_code', type: 'char', length: 6 })
  regionCode: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Null while the story is a draft' })
  @Index()
  @Column({ name: 'published_on', type: 'date', nullable: true })
  publishedOn: string | null;

  @Field(() => StoryChannel)
  @Index()
  @Column({ type: 'text' })
  channel: StoryChannel;

  @Field({ description: 'Published (not a draft)' })
  get published(): boolean {
    return this.publishedOn !== null;
  }
}
