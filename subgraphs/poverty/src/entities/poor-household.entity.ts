import { Authorized, Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { ownerOnly } from '@rg/access';
import { Check, Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { PovertyCause } from './enums';

/** A registered poor household (建档立卡户) in the Poverty Alleviation Office's registry. */
@ObjectType()
@Authorized() // records about persons: signed-in roles only, never the public
@Directive('@key(fields: "id")')
@Entity('poor_household')
// Named as the migrations name them, so TypeORM sees the same tables the migrations build.
@Check('poor_household_cause_check', `(cause = ANY (ARRAY['ILLNESS'::text, 'DISABILITY'::text, 'LACK_OF_SKILLS'::text, 'LACK_OF_CAPITAL'::text, 'LACK_OF_LABOUR'::text, 'DISASTER'::text, 'OTHER'::text]))`)
@Check('poor_household_check', `((exited_year IS NULL) OR (exited_year >= registered_year))`)
@Check('poor_household_household_no_check', `(btrim(household_no) <> ''::text)`)
@Unique('poor_household_household_no_key', ['householdNo'])
@Check('poor_household_per_capita_income_yuan_check', `(per_capita_income_yuan >= 0)`)
@Check('poor_household_registered_year_check', `((registered_year >= 2010) AND (registered_year <= 2100))`)
@Check('poor_household_size_check', `(size >= 1)`)
@Index('poor_household_cause_idx', ['cause'])
@Index('poor_household_exited_year_idx', ['exitedYear'])
@Index('poor_household_region_idx', ['regionCode'])
@Index('poor_household_registered_year_idx', ['registeredYear'])
export class PoorHousehold {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'Registry number (建档立卡编号)' })
  @Column({ name: 'household_no', type: 'text', unique: true })
  householdNo: string;

  @Field({ description: 'County-level GB/T 2260 code' })
  @Column({ name: 'region_code', type: 'char', length: 6 })
  regionCode: string;

  @Field(() => Int, { description: 'Registered members' })
  @Column({ type: 'smallint' })
  size: number;

  @Field(() => PovertyCause)
  @Column({ type: 'text' })
  cause: PovertyCause;

  @Field(() => Int)
  @Column({ name: 'registered_year', type: 'smallint' })
  registeredYear: number;

  @Field(() => Int, { nullable: true, description: 'Year the household left poverty (脱贫); null while poor' })
  @Column({ name: 'exited_year', type: 'smallint', nullable: true })
  exitedYear: number | null;

  @Field(() => Int, { nullable: true, description: 'Per-capita income, yuan a year; poverty staff and admins only' })
  @Authorized(ownerOnly('poverty'))
  @Column({ name: 'per_capita_income_yuan', type: 'int' })
  perCapitaIncomeYuan: number;

  @Field({ description: 'Has left poverty' })
  get exited(): boolean {
    return this.exitedYear !== null;
  }
}
