import { Authorized, Directive, Field, ID, ObjectType } from 'type-graphql';
import { ownerOnly } from '@rg/access';
import { LocalDateResolver } from 'graphql-scalars';
import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { StoryChannel } from './enums';

/**
 * A success story (青春创富故事汇) about a returnee's venture. The protagonist and the venture
 * are hr's records: youth-league keeps only their keys and resolves them as references.
 * Published stories are public; drafts are youth-league's own (resolvers/drafts.ts).
 */
@ObjectType()
@Directive('@key(fields: "id")')
@Entity('success_story')
// Named as the migrations name them, so TypeORM sees the same tables the migrations build.
@Check('success_story_channel_check', `(channel = ANY (ARRAY['WECHAT'::text, 'NEWSPAPER'::text, 'TV'::text, 'WEBSITE'::text]))`)
@Check('success_story_protagonist_person_key_check', `(protagonist_person_key ~ '^pk_[0-9a-f]{32}$'::text)`)
@Check('success_story_region_code_check', `(region_code ~ '^[0-9]{6}$'::text)`)
@Check('success_story_summary_check', `((length(btrim(summary)) >= 1) AND (length(btrim(summary)) <= 2000))`)
@Check('success_story_title_check', `((length(btrim(title)) >= 1) AND (length(btrim(title)) <= 100))`)
@Check('success_story_venture_id_check', `(venture_id > 0)`)
@Index('success_story_channel_idx', ['channel'])
@Index('success_story_protagonist_idx', ['protagonistPersonKey'])
@Index('success_story_published_on_idx', ['publishedOn'])
@Index('success_story_region_published_idx', ['regionCode', 'publishedOn'])
@Index('success_story_venture_idx', ['ventureId'])
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
  @Column({ name: 'protagonist_person_key', type: 'char', length: 35 })
  protagonistPersonKey: string;

  @Field(() => String, { nullable: true, description: 'Personal: youth-league staff and admins only' })
  @Authorized(ownerOnly('youth-league'))
  @Column({ name: 'protagonist_name', type: 'text' })
  protagonistName: string;

  /** hr's venture id; reached through `venture`. */
  @Column({ name: 'venture_id', type: 'int' })
  ventureId: number;

  @Field({ description: 'County-level GB/T 2260 code' })
  @Column({ name: 'region_code', type: 'char', length: 6 })
  regionCode: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Null while the story is a draft' })
  @Column({ name: 'published_on', type: 'date', nullable: true })
  publishedOn: string | null;

  @Field(() => StoryChannel)
  @Column({ type: 'text' })
  channel: StoryChannel;

  @Field({ description: 'Published (not a draft)' })
  get published(): boolean {
    return this.publishedOn !== null;
  }
}
