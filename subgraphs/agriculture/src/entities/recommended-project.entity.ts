import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The project library (创业项目库, 返乡创业地图): low investment, quick return, local fit (003 §5). */
@ObjectType()
@Entity('recommended_project')
export class RecommendedProject {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field()
  @Index()
  @Column({ type: 'text' })
  industry: string;

  @Field({ description: 'County-level GB/T 2260 code' })
  @Index()
  @Column({ name: 'region_code', type: 'char', length: 6 })
  regionCode: string;

  @Field(() => Int, { description: 'Start-up investment, yuan' })
  @Index()
  @Column({ name: 'investment_yuan', type: 'int' })
  investmentYuan: number;

  @Field(() => Int, { description: 'Months until the investment is paid back' })
  @Column({ name: 'payback_months', type: 'int' })
  paybackMonths: number;
}
