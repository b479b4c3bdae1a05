import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Connection } from '@rg/data-helpers';
import { IsRegionCode } from '@rg/input-validation';
import { InstitutionOwnership, TrainingInstitution } from '../entities';

@ObjectType()
export class TrainingInstitutionConnection extends Connection(TrainingInstitution) {}

@InputType({ description: 'All conditions must hold' })
export class TrainingInstitutionFilter {
  @Field({ nullable: true, description: 'GB/T 2260 code at any level' })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @Field(() => InstitutionOwnership, { nullable: true })
  @IsOptional()
  ownership?: InstitutionOwnership;

  @Field({ nullable: true, description: 'Barred institutions only (true) or the others (false)' })
  @IsOptional()
  debarred?: boolean;

  @Field(() => Int, { nullable: true, description: 'Designated at some time in this year' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  designatedInYear?: number;
}

export enum LeagueOrder { PASS_RATE = 'PASS_RATE', VENTURE_RATE = 'VENTURE_RATE', SATISFACTION = 'SATISFACTION' }
registerEnumType(LeagueOrder, { name: 'LeagueOrder', description: 'The evaluation measure (000 §3.7) a league table ranks by' });

@ObjectType({ description: "One institution's year in its region's league table, counted from the enrolments" })
export class InstitutionLeagueRow {
  @Field(() => Int, { description: '1 = best on the chosen measure; ties broken by more completions, then id' })
  rank: number;

  @Field(() => TrainingInstitution)
  institution: TrainingInstitution;

  @Field(() => Int)
  completions: number;

  @Field(() => Int)
  passes: number;

  @Field(() => Float, { description: 'passes / completions' })
  passRate: number;

  @Field(() => Int, { description: 'Completions followed by a business the trainee opened within six months' })
  venturesWithin6m: number;

  @Field(() => Float, { description: 'venturesWithin6m / completions' })
  ventureRate: number;

  @Field(() => Float, { nullable: true, description: 'Mean satisfaction 1–5; null when no trainee gave one' })
  satisfaction: number | null;

  @Field({ description: 'Barred from the programme by the end of the year' })
  debarred: boolean;
}
