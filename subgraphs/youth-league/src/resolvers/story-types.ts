import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Connection } from '@rg/data-helpers';
import { IsRegionCode } from '@rg/input-validation';
import { Award, AwardLevel, AwardRecipientKind, StoryChannel, SuccessStory } from '../entities';

@ObjectType()
export class SuccessStoryConnection extends Connection(SuccessStory) {}

@ObjectType()
export class AwardConnection extends Connection(Award) {}

@InputType({ description: 'All conditions must hold' })
export class SuccessStoryFilter {
  @Field({ nullable: true, description: 'GB/T 2260 code at any level: county, city or province' })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @Field(() => StoryChannel, { nullable: true })
  @IsOptional()
  channel?: StoryChannel;

  @Field(() => Int, { nullable: true, description: 'Year the story was published (drafts never match)' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  publishedYear?: number;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Also list drafts (no publishedOn)' })
  @IsOptional()
  includeDrafts?: boolean | null;
}

@InputType({ description: 'All conditions must hold' })
export class AwardFilter {
  @Field({ nullable: true, description: 'GB/T 2260 code at any level: county, city or province' })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @Field(() => AwardLevel, { nullable: true })
  @IsOptional()
  level?: AwardLevel;

  @Field(() => AwardRecipientKind, { nullable: true, description: 'Awards to people (PERSON) or to enterprises (VENTURE) only' })
  @IsOptional()
  recipientKind?: AwardRecipientKind;
}
