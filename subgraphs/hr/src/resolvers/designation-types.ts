import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Connection } from '@rg/data-helpers';
import { IsCountyCode, IsRegionCode, IsText, IsYearSince } from '@rg/input-validation';
import { Designation, DesignationKind, DesignationLevel, DesignationReviewResult } from '../entities';

@ObjectType()
export class DesignationConnection extends Connection(Designation) {}

@InputType({ description: 'All conditions must hold' })
export class DesignationFilter {
  @Field(() => DesignationKind, { nullable: true })
  @IsOptional()
  kind?: DesignationKind;

  @Field(() => DesignationLevel, { nullable: true })
  @IsOptional()
  level?: DesignationLevel;

  @Field({ nullable: true, description: 'GB/T 2260 code at any level: the designations in its counties' })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @Field(() => Int, { nullable: true, description: 'The year designated' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

@InputType({
  description: 'A demonstration designation. The subject follows the kind: COUNTY names the county in regionCode; PARK an agriculture '
    + 'parkId and the county it lies in; PROJECT and POVERTY_RELIEF_PROJECT a projectName and its county; VENTURE a ventureId; '
    + 'PERSON a traineeId (the county then is the record\'s)',
})
export class DesignateInput {
  @Field(() => DesignationKind)
  kind: DesignationKind;

  @Field(() => DesignationLevel)
  level: DesignationLevel;

  @Field(() => Int, { description: '2000 to the current year' })
  @IsYearSince(2000)
  year: number;

  @Field({ description: 'e.g. 返乡创业示范县, 明星企业' })
  @IsText(50)
  title: string;

  @Field({ description: 'e.g. 徐州市人力资源和社会保障局农民工工作科' })
  @IsText(100)
  reviewingBody: string;

  @Field({ nullable: true, description: 'County-level GB/T 2260 code (COUNTY, PARK, PROJECT, POVERTY_RELIEF_PROJECT)' })
  @IsOptional()
  @IsCountyCode()
  regionCode?: string;

  @Field(() => ID, { nullable: true, description: "agriculture's park id (PARK)" })
  parkId?: string;

  @Field(() => ID, { nullable: true, description: "hr's venture id (VENTURE)" })
  ventureId?: string;

  @Field(() => ID, { nullable: true, description: "hr's trainee id (PERSON)" })
  traineeId?: string;

  @Field({ nullable: true, description: 'The project (PROJECT, POVERTY_RELIEF_PROJECT)' })
  @IsOptional()
  @IsText(100)
  projectName?: string;
}

@InputType({ description: "One year's review of a designation; a REVOKED review ends it" })
export class RecordDesignationReviewInput {
  @Field(() => ID)
  designationId: string;

  @Field(() => Int, { description: 'The year reviewed: not before the designation, once a year' })
  @IsYearSince(2000)
  year: number;

  @Field(() => DesignationReviewResult)
  result: DesignationReviewResult;

  @Field({ nullable: true })
  @IsOptional()
  @IsText(500)
  note?: string;
}

/**
 * agriculture's park as hr sees it: only its id. hr adds the park's designations; the park
 * itself resolves at agriculture.
 */
@ObjectType()
@Directive('@key(fields: "id")')
export class IncubatorPark {
  @Field(() => ID)
  id: string;
}

@ObjectType({ description: 'hr: designations of one kind in force in a region (designated and not revoked), by the end of the records' })
export class DesignationCount {
  @Field(() => DesignationKind)
  kind: DesignationKind;

  @Field(() => Int)
  count: number;
}
