import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A venture's stay in a park. The venture is hr's record: agriculture keeps only its id and
 * cannot check it, so the id is trusted as given.
 */
@ObjectType()
@Entity('residency')
export class Residency {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ name: 'park_id', type: 'int' })
  parkId: number;

  /** hr's Venture id; exposed as the `venture` stub, not as a number. */
  @Index()
  @Column({ name: 'venture_id', type: 'int' })
  ventureId: number;

  @Field(() => LocalDateResolver)
  @Column({ name: 'entered_on', type: 'date' })
  enteredOn: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Null while the venture is resident' })
  @Column({ name: 'left_on', type: 'date', nullable: true })
  leftOn: string | null;
}
