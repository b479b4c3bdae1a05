import { Field, ObjectType, Directive, registerEnumType, ID } from 'type-graphql';
import { findRegion, countiesUnder, type RegionLevel } from '@rg/regions';
import { badUserInput, notFound } from '@rg/api-errors';

export enum RegionLevelEnum {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  COUNTY = 'COUNTY',
}
registerEnumType(RegionLevelEnum, { name: 'RegionLevel', description: 'GB/T 2260 administrative level' });

/**
 * The shared part of `Region @key(fields: "code")`. Every department declares its own
 * `Region` extending this and adds its own figures; name and level come from the same
 * GB/T 2260 table everywhere, hence @shareable.
 */
@ObjectType('RegionBase')
export class RegionBase {
  @Field(() => ID, { description: 'GB/T 2260 six-digit code' })
  code: string;

  @Field()
  @Directive('@shareable')
  name: string;

  @Field(() => RegionLevelEnum)
  @Directive('@shareable')
  level: RegionLevel;

  @Field(() => String, { nullable: true, description: 'Code of the enclosing region' })
  @Directive('@shareable')
  parentCode: string | null;
}

export function regionFields(code: string): Pick<RegionBase, 'code' | 'name' | 'level' | 'parentCode'> {
  const region = findRegion(code);
  if (!region) throw notFound('Region', code);
  return { code, name: region.name, level: region.level, parentCode: region.parentCode };
}

/** County codes for a region filter at any level; an unknown code is the caller's mistake. */
export function countyCodesFor(regionCode: string, field = 'filter.regionCode'): string[] {
  const counties = countiesUnder(regionCode);
  if (!counties.length) throw badUserInput(field, `${regionCode} is not a Jiangsu GB/T 2260 region code`);
  return counties;
}
