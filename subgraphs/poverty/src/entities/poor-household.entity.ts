import { Authorized, Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { ownerOnly } from '@rg/subgraph-kit';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { PovertyCause } from './enums';

/** A registered poor household (建档立卡户) in the Poverty Alleviation Office's registry. */
@ObjectType()
@Authorized() // records about persons: signed-in roles only, never the public
@Directive('@key(fields: "id")')
@Entity('poor_household')
export class PoorHousehold {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'Registry number (建档立卡编号)' })
  @Column({ name: 'household_no', type: 'text', unique: true })
  householdNo: string;

  @Field({ description: 'County-level GB/T 2260 code' })
  @Index()
  @Column({ name: 'region_code', type: 'char', length: 6 })
  regionCode: string;

  @Field(() => Int, { description: 'Registered members' })
  @Column({ type: 'smallint' })
  size: number;

  @Field(() => PovertyCause)
  @Index()
  @Column({ type: 'text' })
  cause: PovertyCause;

  @Field(() => Int)
  @Index()
  @Column({ name: 'registered_year', type: 'smallint' })
  registeredYear: number;

  @Field(() => Int, { nullable: true, description: 'Year the household left poverty (脱贫); null while poor' })
  @Index()
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
