import { Field, Float, Int, ObjectType, Directive, ID } from 'type-graphql';
import { judge, type IndicatorName, type IndicatorValue } from '@rg/scorecard';
import { findRegion } from '@rg/regions';
import { badUserInput } from './errors';

@ObjectType({ description: 'A measured figure against the policy target (null target: reported, not judged)' })
@Directive('@shareable')
export class Indicator implements IndicatorValue {
  @Field(() => Float)
  value: number;

  @Field(() => Float, { nullable: true })
  target: number | null;

  @Field(() => Boolean, { nullable: true })
  met: boolean | null;
}

/**
 * The key of `Scorecard @key(fields: "regionCode year")`. Each department declares its own
 * `Scorecard` extending this and contributes the indicators it owns.
 */
@ObjectType('ScorecardBase')
export class ScorecardBase {
  @Field(() => ID)
  regionCode: string;

  @Field(() => Int)
  year: number;
}

export function indicator(name: IndicatorName, regionCode: string, value: number): Indicator {
  return judge(name, regionCode, value);
}

export function checkScorecardArgs(regionCode: string, year: number): void {
  if (!findRegion(regionCode)) throw badUserInput('regionCode', `${regionCode} is not a Jiangsu GB/T 2260 region code`);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badUserInput('year', 'must be a year between 2000 and 2100');
}
