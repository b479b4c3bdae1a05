import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstitutionOwnership } from './enums';

/** A training institution designated by the province (定点机构, 000 §3.7). */
@ObjectType()
@Entity('training_institution')
export class TrainingInstitution {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field()
  @Index()
  @Column({ name: 'region_code', type: 'char', length: 6 })
  regionCode: string;

  @Field(() => InstitutionOwnership)
  @Column({ type: 'text' })
  ownership: InstitutionOwnership;
}
