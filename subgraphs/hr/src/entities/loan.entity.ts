import { Authorized, Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A guaranteed start-up loan (创业担保贷款), at most 150,000 yuan per person (001). */
@ObjectType()
@Authorized() // records about a person: signed-in roles only, never the public
@Entity('loan')
export class Loan {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ name: 'borrower_id', type: 'int' })
  borrowerId: number;

  @Index()
  @Column({ name: 'venture_id', type: 'int', nullable: true })
  ventureId: number | null;

  @Field(() => Int)
  @Column({ name: 'amount_yuan', type: 'int' })
  amountYuan: number;

  @Field()
  @Column({ type: 'text' })
  bank: string;

  @Field(() => LocalDateResolver)
  @Index()
  @Column({ name: 'issued_on', type: 'date' })
  issuedOn: string;

  @Field({ description: 'Interest subsidised by the state (贴息)' })
  @Column({ name: 'interest_subsidised', type: 'boolean' })
  interestSubsidised: boolean;

  @Field(() => LocalDateResolver, { nullable: true })
  @Column({ name: 'repaid_on', type: 'date', nullable: true })
  repaidOn: string | null;
}
