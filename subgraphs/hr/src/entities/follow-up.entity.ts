import { Authorized, Field, ID, ObjectType } from 'type-graphql';
import { ownerOnly } from '@rg/subgraph-kit';
import { LocalDateResolver } from 'graphql-scalars';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BusinessStatus } from './enums';

/** A follow-up visit (跟踪帮扶) after training. */
@ObjectType()
@Authorized() // records about a person: signed-in roles only, never the public
@Entity('follow_up')
export class FollowUp {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ name: 'trainee_id', type: 'int' })
  traineeId: number;

  @Index()
  @Column({ name: 'mentor_id', type: 'int', nullable: true })
  mentorId: number | null;

  @Field(() => LocalDateResolver)
  @Column({ name: 'visited_on', type: 'date' })
  visitedOn: string;

  @Field(() => BusinessStatus)
  @Column({ name: 'business_status', type: 'text' })
  businessStatus: BusinessStatus;

  @Field(() => String, { nullable: true, description: 'Free text about the person: hr staff and admins only' })
  @Authorized(ownerOnly('hr'))
  @Column({ name: 'help_given', type: 'text' })
  helpGiven: string;
}
