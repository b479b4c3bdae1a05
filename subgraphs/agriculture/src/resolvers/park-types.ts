import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Connection } from '@rg/data-helpers';
import { IsRegionCode } from '@rg/input-validation';
import { IncubatorPark, ParkKind, ParkLevel, RecommendedProject } from '../entities';

@ObjectType()
export class IncubatorParkConnection extends Connection(IncubatorPark) {}

@ObjectType()
export class RecommendedProjectConnection extends Connection(RecommendedProject) {}

@InputType({ description: 'All conditions must hold' })
export class IncubatorParkFilter {
  @Field({ nullable: true, description: 'GB/T 2260 code at any level: county, city or province' })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @Field(() => ParkLevel, { nullable: true })
  @IsOptional()
  level?: ParkLevel;

  @Field(() => ParkKind, { nullable: true, description: 'RETURNEE_PARK for the parks the plan counts' })
  @IsOptional()
  kind?: ParkKind;

  @Field(() => Int, { nullable: true, description: 'Year the park opened' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  openedYear?: number;

  @Field({ nullable: true, description: 'Parks hosting this industry' })
  @IsOptional()
  @MaxLength(50)
  industry?: string;
}

@InputType({ description: 'All conditions must hold' })
export class RecommendedProjectFilter {
  @Field({ nullable: true, description: 'GB/T 2260 code at any level: county, city or province' })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(50)
  industry?: string;

  @Field(() => Int, { nullable: true, description: 'Projects needing at most this investment, yuan' })
  @IsOptional()
  @IsInt()
  @Min(0)
  maxInvestmentYuan?: number;
}
