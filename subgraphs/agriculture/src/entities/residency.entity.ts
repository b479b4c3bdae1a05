import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A venture's stay in a park. The venture is hr's record: agriculture keeps only its id and
 * cannot check it, so the id is trusted as given.
 */
@ObjectType()
@Entity('residency')
// Named as the migrations name them, so TypeORM sees the same tables the migrations build.
@Check('residency_check', `((left_on IS NULL) OR (left_on >= entered_on))`)
@ForeignKey('IncubatorPark', ['parkId'], ['id'], { name: 'residency_park_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@Check('residency_venture_id_check', `(venture_id > 0)`)
@Index('residency_open_park_idx', ['parkId'], { where: `(left_on IS NULL)` })
@Index('residency_open_venture_key', ['ventureId'], { unique: true, where: `(left_on IS NULL)` })
@Index('residency_park_idx', ['parkId'])
@Index('residency_venture_idx', ['ventureId'])
export class Residency {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'park_id', type: 'int' })
  parkId: number;

  /** hr's Venture id; exposed as the `venture` stub, not as a number. */
  @Column({ name: 'venture_id', type: 'int' })
  ventureId: number;

  @Field(() => LocalDateResolver)
  @Column({ name: 'entered_on', type: 'date' })
  enteredOn: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Null while the venture is resident' })
  @Column({ name: 'left_on', type: 'date', nullable: true })
  leftOn: string | null;
}
