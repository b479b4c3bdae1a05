import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The project library (创业项目库, 返乡创业地图): low investment, quick return, local fit (003 §5). */
@ObjectType()
@Entity('recommended_project')
// Named as the migrations name them, so TypeORM sees the same tables the migrations build.
@Check('recommended_project_investment_yuan_check', `(investment_yuan > 0)`)
@Check('recommended_project_payback_months_check', `(payback_months > 0)`)
@Check('recommended_project_title_check', `(btrim(title) <> ''::text)`)
@Index('recommended_project_industry_idx', ['industry'])
@Index('recommended_project_investment_idx', ['investmentYuan'])
@Index('recommended_project_region_idx', ['regionCode'])
export class RecommendedProject {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field()
  @Column({ type: 'text' })
  industry: string;

  @Field({ description: 'County-level GB/T 2260 code' })
  @Column({ name: 'region_code', type: 'char', length: 6 })
  regionCode: string;

  @Field(() => Int, { description: 'Start-up investment, yuan' })
  @Column({ name: 'investment_yuan', type: 'int' })
  investmentYuan: number;

  @Field(() => Int, { description: 'Months until the investment is paid back' })
  @Column({ name: 'payback_months', type: 'int' })
  paybackMonths: number;
}
