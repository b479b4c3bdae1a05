import { Authorized, Field, ID, Int, ObjectType } from 'type-graphql';
import { GuaranteeType, LoanStatus } from './enums';
import { LocalDateResolver } from 'graphql-scalars';
import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A guaranteed start-up loan (创业担保贷款), at most 150,000 yuan per person (001). */
@ObjectType()
@Authorized() // records about a person: signed-in roles only, never the public
@Entity('loan')
// Named as the migrations name them, so TypeORM sees the same tables the migrations build.
@Check('loan_amount_yuan_check', `((amount_yuan > 0) AND (amount_yuan <= 150000))`)
@Check('loan_guarantee_type_check', `(guarantee_type = ANY (ARRAY['INSTITUTION'::text, 'NATURAL_PERSON'::text, 'PARK'::text, 'TWO_RIGHTS_MORTGAGE'::text, 'CREDIT_ONLY'::text]))`)
@Check('loan_interest_subsidy_yuan_check', `(interest_subsidy_yuan >= 0)`)
@Check('loan_repaid_or_defaulted_check', `((repaid_on IS NULL) OR (defaulted_on IS NULL))`)
@ForeignKey('Trainee', ['borrowerId'], ['id'], { name: 'loan_borrower_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('Venture', ['ventureId'], ['id'], { name: 'loan_venture_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@Index('loan_borrower_idx', ['borrowerId'])
@Index('loan_issued_on_idx', ['issuedOn'])
@Index('loan_venture_idx', ['ventureId'])
export class Loan {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'borrower_id', type: 'int' })
  borrowerId: number;

  @Column({ name: 'venture_id', type: 'int', nullable: true })
  ventureId: number | null;

  @Field(() => Int)
  @Column({ name: 'amount_yuan', type: 'int' })
  amountYuan: number;

  @Field()
  @Column({ type: 'text' })
  bank: string;

  @Field(() => LocalDateResolver)
  @Column({ name: 'issued_on', type: 'date' })
  issuedOn: string;

  @Field({ description: 'Interest subsidised by the state (贴息)' })
  @Column({ name: 'interest_subsidised', type: 'boolean' })
  interestSubsidised: boolean;

  @Field(() => LocalDateResolver, { nullable: true })
  @Column({ name: 'repaid_on', type: 'date', nullable: true })
  repaidOn: string | null;

  @Field(() => GuaranteeType, { nullable: true, description: 'How the loan is guaranteed; null where the ledger does not say' })
  @Column({ name: 'guarantee_type', type: 'text', nullable: true })
  guaranteeType: GuaranteeType | null;

  @Field(() => Int, { nullable: true, description: 'Interest paid by the state so far (贴息), yuan' })
  @Column({ name: 'interest_subsidy_yuan', type: 'int', nullable: true })
  interestSubsidyYuan: number | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Day the bank declared the loan in default' })
  @Column({ name: 'defaulted_on', type: 'date', nullable: true })
  defaultedOn: string | null;

  @Field(() => LoanStatus)
  get status(): LoanStatus {
    if (this.defaultedOn !== null) return LoanStatus.DEFAULTED;
    return this.repaidOn === null ? LoanStatus.OUTSTANDING : LoanStatus.REPAID;
  }
}
