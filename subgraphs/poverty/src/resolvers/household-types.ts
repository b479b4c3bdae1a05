import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Connection } from '@rg/data-helpers';
import { IsRegionCode } from '@rg/input-validation';
import { PoorHousehold, PovertyCause } from '../entities';

@ObjectType()
export class PoorHouseholdConnection extends Connection(PoorHousehold) {}

@InputType({ description: 'All conditions must hold' })
export class PoorHouseholdFilter {
  @Field({ nullable: true, description: 'GB/T 2260 code at any level: county, city or province' })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @Field(() => PovertyCause, { nullable: true })
  @IsOptional()
  cause?: PovertyCause;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  registeredYear?: number;

  @Field({ nullable: true, description: 'true: left poverty; false: still poor' })
  @IsOptional()
  exited?: boolean;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  exitedYear?: number;
}
