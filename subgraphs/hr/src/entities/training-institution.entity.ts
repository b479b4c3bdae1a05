import { Field, ID, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstitutionOwnership } from './enums';

/** A training institution designated by the province (定点机构, 000 §3.7). */
@ObjectType()
@Entity('training_institution')
// Named as the migrations name them, so TypeORM sees the same tables the migrations build.
@Check('training_institution_ownership_check', `(ownership = ANY (ARRAY['PUBLIC'::text, 'PRIVATE'::text]))`)
@Index('training_institution_region_idx', ['regionCode'])
export class TrainingInstitution {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field()
  @Column({ name: 'region_code', type: 'char', length: 6 })
  regionCode: string;

  @Field(() => InstitutionOwnership)
  @Column({ type: 'text' })
  ownership: InstitutionOwnership;
}
