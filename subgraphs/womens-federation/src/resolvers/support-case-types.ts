import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Connection } from '@rg/data-helpers';
import { IsRegionCode } from '@rg/input-validation';
import { SupportOutcome, SupportType, WomenSupportCase } from '../entities';

@ObjectType()
export class WomenSupportCaseConnection extends Connection(WomenSupportCase) {}

@InputType({ description: 'All conditions must hold' })
export class WomenSupportCaseFilter {
  @Field({ nullable: true, description: 'GB/T 2260 code at any level: county, city or province' })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @Field(() => SupportType, { nullable: true })
  @IsOptional()
  supportType?: SupportType;

  @Field(() => SupportOutcome, { nullable: true })
  @IsOptional()
  outcome?: SupportOutcome;

  @Field(() => Int, { nullable: true, description: 'Year the case was opened' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  openedYear?: number;

  @Field({ nullable: true, description: 'true: still open; false: closed' })
  @IsOptional()
  open?: boolean;

  @Field({ nullable: true, description: 'Registered poor women (priority cases)' })
  @IsOptional()
  poorPriority?: boolean;
}
