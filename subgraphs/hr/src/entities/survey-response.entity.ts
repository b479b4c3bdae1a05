import { Authorized, Field, ID, ObjectType } from 'type-graphql';
import { ownerOnly } from '@rg/access';
import { LocalDateResolver } from 'graphql-scalars';
import { Check, Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Gender } from './enums';

/**
 * One returnee's answer to the returnee survey (摸底调查): does the person mean to start a
 * business, to train, in what trade, with what needs. The survey is the denominator of the
 * plan's first goal: everyone who wants training gets it. hr keeps the person only by key.
 */
@ObjectType()
@Authorized() // records about a person: signed-in roles only, never the public
@Entity('survey_response')
// Named as the migrations name them, so TypeORM sees the same tables the migrations build.
@Check('survey_response_check', `((returned_on IS NULL) OR (returned_on <= surveyed_on))`)
@Check('survey_response_gender_check', `(gender = ANY (ARRAY['MALE'::text, 'FEMALE'::text]))`)
@Check('survey_response_surveyed_by_check', `(btrim(surveyed_by) <> ''::text)`)
@Unique('survey_response_person_key_surveyed_on_key', ['personKey', 'surveyedOn'])
@Index('survey_response_region_surveyed_idx', ['regionCode', 'surveyedOn'])
export class SurveyResponse {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'Pseudonymous cross-department person key' })
  @Column({ name: 'person_key', type: 'char', length: 35 })
  personKey: string;

  /** First 64 bits of personKey, for set matching with other departments. */
  @Column({ name: 'person_key_prefix', type: 'bigint' })
  personKeyPrefix: string;

  @Field(() => Gender)
  @Column({ type: 'text' })
  gender: Gender;

  @Field({ description: 'County-level GB/T 2260 code of the home the returnee came back to' })
  @Column({ name: 'region_code', type: 'char', length: 6 })
  regionCode: string;

  @Field(() => LocalDateResolver)
  @Column({ name: 'surveyed_on', type: 'date' })
  surveyedOn: string;

  @Field({ description: 'Who carried out the survey (township office, village committee)' })
  @Column({ name: 'surveyed_by', type: 'text' })
  surveyedBy: string;

  @Field(() => LocalDateResolver, { nullable: true })
  @Column({ name: 'returned_on', type: 'date', nullable: true })
  returnedOn: string | null;

  @Field({ description: 'Means to start a business (创业意愿)' })
  @Column({ name: 'intends_to_start', type: 'boolean' })
  intendsToStart: boolean;

  @Field({ description: 'Wants training (培训意愿)' })
  @Column({ name: 'intends_to_train', type: 'boolean' })
  intendsToTrain: boolean;

  @Field(() => String, { nullable: true })
  @Column({ name: 'desired_industry', type: 'text', nullable: true })
  desiredIndustry: string | null;

  @Field(() => String, { nullable: true, description: 'Free text about the person: hr staff and admins only' })
  @Authorized(ownerOnly('hr'))
  @Column({ type: 'text', nullable: true })
  needs: string | null;
}
