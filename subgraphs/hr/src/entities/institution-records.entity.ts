import { Authorized, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ownerOnly } from '@rg/access';
import { LocalDateResolver } from 'graphql-scalars';
import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { SubsidyKind } from './enums';

/** A period in which the province designated an institution to train returnees (定点), and who reviewed it. */
@ObjectType()
@Entity('institution_designation')
// Named as the migrations name them, so TypeORM sees the same tables the migrations build.
@Check('institution_designation_check', `((designated_to IS NULL) OR (designated_to >= designated_from))`)
@ForeignKey('TrainingInstitution', ['institutionId'], ['id'], { name: 'institution_designation_institution_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@Check('institution_designation_reviewing_body_check', `(btrim(reviewing_body) <> ''::text)`)
@Index('institution_designation_institution_idx', ['institutionId'])
export class InstitutionDesignation {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'institution_id', type: 'int' })
  institutionId: number;

  @Field(() => LocalDateResolver)
  @Column({ name: 'designated_from', type: 'date' })
  designatedFrom: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'null while the designation runs' })
  @Column({ name: 'designated_to', type: 'date', nullable: true })
  designatedTo: string | null;

  @Field({ description: 'The body that reviewed and designated the institution' })
  @Column({ name: 'reviewing_body', type: 'text' })
  reviewingBody: string;
}

/**
 * The year's evaluation of an institution as the reviewing body recorded it: completions,
 * passes, businesses its trainees started within six months, mean satisfaction (000 §3.7).
 */
@ObjectType()
@Entity('institution_evaluation')
// Named as the migrations name them, so TypeORM sees the same tables the migrations build.
@Check('institution_evaluation_check', `((passes >= 0) AND (passes <= completions))`)
@Check('institution_evaluation_completions_check', `(completions >= 0)`)
@ForeignKey('TrainingInstitution', ['institutionId'], ['id'], { name: 'institution_evaluation_institution_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@Check('institution_evaluation_satisfaction_check', `((satisfaction >= (1)::numeric) AND (satisfaction <= (5)::numeric))`)
@Check('institution_evaluation_ventures_within_6m_check', `(ventures_within_6m >= 0)`)
@Check('institution_evaluation_year_check', `((year >= 2000) AND (year <= 2100))`)
@Unique('institution_evaluation_institution_id_year_key', ['institutionId', 'year'])
export class InstitutionEvaluation {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'institution_id', type: 'int' })
  institutionId: number;

  @Field(() => Int)
  @Column({ type: 'smallint' })
  year: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  completions: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  passes: number;

  @Field(() => Int, { description: 'Businesses its trainees started within six months of completing' })
  @Column({ name: 'ventures_within_6m', type: 'int' })
  venturesWithin6m: number;

  @Field(() => Float, { nullable: true, description: 'Mean satisfaction 1–5' })
  @Column({ type: 'numeric', precision: 3, scale: 2, nullable: true, transformer: { to: (v) => v, from: (v) => (v === null ? null : Number(v)) } })
  satisfaction: number | null;
}

/** An institution barred from the programme, e.g. for claiming subsidies on invented trainees (002). */
@ObjectType()
@Entity('institution_debarment')
// Named as the migrations name them, so TypeORM sees the same tables the migrations build.
@ForeignKey('TrainingInstitution', ['institutionId'], ['id'], { name: 'institution_debarment_institution_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@Check('institution_debarment_reason_check', `(btrim(reason) <> ''::text)`)
@Index('institution_debarment_institution_idx', ['institutionId'])
export class InstitutionDebarment {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'institution_id', type: 'int' })
  institutionId: number;

  @Field(() => LocalDateResolver)
  @Column({ name: 'debarred_on', type: 'date' })
  debarredOn: string;

  @Field()
  @Column({ type: 'text' })
  reason: string;
}

/**
 * A training subsidy paid to the institution for one enrolment: per completion, or per result
 * (000 §4.2). Recorded per enrolment, so one person paid twice for the same level shows.
 */
@ObjectType()
@Authorized(ownerOnly('hr')) // payments about one trainee: hr staff and admins
@Entity('training_subsidy')
// Named as the migrations name them, so TypeORM sees the same tables the migrations build.
@Check('training_subsidy_amount_yuan_check', `(amount_yuan > 0)`)
@ForeignKey('Enrolment', ['enrolmentId'], ['id'], { name: 'training_subsidy_enrolment_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@Check('training_subsidy_kind_check', `(kind = ANY (ARRAY['COMPLETION'::text, 'RESULT'::text]))`)
@Index('training_subsidy_enrolment_idx', ['enrolmentId'])
@Index('training_subsidy_paid_on_idx', ['paidOn'])
export class TrainingSubsidy {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID)
  @Column({ name: 'enrolment_id', type: 'int' })
  enrolmentId: number;

  @Field(() => SubsidyKind)
  @Column({ type: 'text' })
  kind: SubsidyKind;

  @Field(() => Int)
  @Column({ name: 'amount_yuan', type: 'int' })
  amountYuan: number;

  @Field(() => LocalDateResolver)
  @Column({ name: 'paid_on', type: 'date' })
  paidOn: string;
}
