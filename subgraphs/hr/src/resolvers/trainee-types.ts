import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { IsInt, IsOptional, Length, Max, Min } from 'class-validator';
import { Connection } from '@rg/data-helpers';
import { IsRegionCode } from '@rg/input-validation';
import { Gender, Trainee, TraineeCategory, TraineeStage } from '../entities';

@ObjectType()
export class TraineeConnection extends Connection(Trainee) {}

@InputType({ description: 'All conditions must hold' })
export class TraineeFilter {
  @Field({ nullable: true, description: 'GB/T 2260 code at any level: county, city or province' })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @Field(() => TraineeCategory, { nullable: true })
  @IsOptional()
  category?: TraineeCategory;

  @Field(() => Gender, { nullable: true })
  @IsOptional()
  gender?: Gender;

  @Field(() => TraineeStage, { nullable: true })
  @IsOptional()
  stage?: TraineeStage;

  @Field(() => Int, { nullable: true, description: 'Year the trainee registered' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  registeredYear?: number;

  @Field(() => Int, { nullable: true, description: 'Year of the first completed course' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  trainedYear?: number;

  @Field({ nullable: true })
  @IsOptional()
  @Length(35, 35)
  personKey?: string;
}

