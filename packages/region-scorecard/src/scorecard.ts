import { Field, Float, Int, ObjectType, Directive, ID } from 'type-graphql';
import { judge, targetOf, type IndicatorName } from '@rg/scorecard';
import { findRegion } from '@rg/regions';
import { badUserInput } from '@rg/api-errors';
import { shown, type Disclosed } from './disclosure';

@ObjectType({ description: 'A measured figure against the policy target (null target: reported, not judged)' })
@Directive('@shareable')
export class Indicator {
  @Field(() => Float, { nullable: true, description: 'null when the figure is not given; note says why' })
  value: number | null;

  @Field(() => Float, { nullable: true })
  target: number | null;

  @Field(() => Boolean, { nullable: true, description: 'null when there is no target or no value to judge' })
  met: boolean | null;

  @Field(() => Boolean, { description: 'The value is withheld to protect privacy (disclosure control); note says why' })
  suppressed: boolean;

  @Field(() => String, { nullable: true, description: 'Why value or met is null, in words for the reader; null when both are given' })
  note: string | null;
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

/** An indicator shown exactly to everyone (it counts no people). */
export function indicator(name: IndicatorName, regionCode: string, value: number): Indicator {
  return disclosedIndicator(name, regionCode, shown(value));
}

/** An indicator as disclosure control lets this caller see it: judged only when it has a value. */
export function disclosedIndicator(name: IndicatorName, regionCode: string, figure: Disclosed): Indicator {
  if (figure.value === null) return { value: null, target: targetOf(name, regionCode), met: null, suppressed: figure.suppressed, note: figure.note };
  return { ...judge(name, regionCode, figure.value), suppressed: false, note: null };
}

export function checkScorecardArgs(regionCode: string, year: number): void {
  if (!findRegion(regionCode)) throw badUserInput('regionCode', `${regionCode} is not a Jiangsu GB/T 2260 region code`);
  checkYear(year, 'year');
}

/** The years a scorecard answers; `argument` names the caller's argument in the error. */
export function checkYear(year: number, argument: string): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badUserInput(argument, `${year} is not a year between 2000 and 2100`);
}
