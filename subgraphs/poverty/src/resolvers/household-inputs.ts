import { Field, ID, InputType, Int } from 'type-graphql';
import { IsInt, IsOptional, Min, ValidateNested } from 'class-validator';
import { IsCitizenId, IsText } from '@rg/input-validation';
import { HouseholdRelation, PovertyCause } from '../entities';
import { IsYearSince } from '@rg/input-validation';

/** The registry's first year in this system; older paper records are not migrated. */
export const FIRST_REGISTRY_YEAR = 2010;

@InputType({ description: 'Gender and birth year are derived from the citizen ID' })
export class HouseholdHeadInput {
  @Field()
  @IsCitizenId()
  citizenId: string;

  @Field()
  @IsText(50)
  name: string;
}

@InputType()
export class RegisterHouseholdInput {
  @Field({ nullable: true, description: 'Registry number; defaults to <county>-<year>-<six-digit sequence>' })
  @IsOptional()
  @IsText(40)
  householdNo?: string;

  @Field({ description: 'County-level GB/T 2260 code of a Jiangsu county' })
  regionCode: string;

  @Field(() => PovertyCause)
  cause: PovertyCause;

  @Field(() => Int)
  @IsYearSince(FIRST_REGISTRY_YEAR)
  registeredYear: number;

  @Field(() => Int, { description: 'Yuan a year' })
  @IsInt()
  @Min(0)
  perCapitaIncomeYuan: number;

  @Field(() => HouseholdHeadInput)
  @ValidateNested()
  head: HouseholdHeadInput;
}

@InputType({ description: 'Gender and birth year are derived from the citizen ID' })
export class AddMemberInput {
  @Field(() => ID)
  householdId: string;

  @Field()
  @IsCitizenId()
  citizenId: string;

  @Field()
  @IsText(50)
  name: string;

  @Field(() => HouseholdRelation, { description: 'Not HEAD: the head is registered with the household' })
  relation: HouseholdRelation;
}

@InputType({ description: 'A household leaving poverty (脱贫)' })
export class RecordExitInput {
  @Field(() => ID)
  householdId: string;

  @Field(() => Int)
  @IsYearSince(FIRST_REGISTRY_YEAR)
  exitedYear: number;

  @Field(() => Int, { description: 'Per-capita income at exit, yuan a year' })
  @IsInt()
  @Min(0)
  perCapitaIncomeYuan: number;
}
