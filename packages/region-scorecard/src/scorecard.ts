import { Field, Float, Int, ObjectType, Directive, ID } from 'type-graphql';
import { findRegion } from '@rg/regions';
import { badUserInput } from '@rg/api-errors';
import { shown, type Disclosed } from './disclosure';

@ObjectType({ description: 'A measured figure against the policy target (null target: reported, not judged)' })
@Directive('@shareable')
export class Indicator {
  @Field(() => Float, { nullable: true, description: 'null when the figure is not given; note says why' })
  value: number | null;

  @Field(() => Float, { nullable: true, description: 'The policy target for this region and year; null when none is set' })
  target: number | null;

  @Field(() => String, { nullable: true, description: 'Where the target comes from: the notice and section, or how it is derived' })
  targetSource: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'null when there is no target, no value to judge, or the cohort is not yet old enough to judge; note says which',
  })
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

/** The target an indicator is judged against: a department's policy target record. */
export interface IndicatorTarget {
  value: number;
  source: string;
}

export const NO_TARGET_NOTE = 'no policy target set for this region and year: reported, not judged';

/** An indicator shown exactly to everyone (it counts no people). */
export function indicator(value: number, target: IndicatorTarget | null, unjudged: string | null = null): Indicator {
  return disclosedIndicator(shown(value), target, unjudged);
}

/**
 * An indicator as disclosure control lets this caller see it, judged against its target (null:
 * none set for the region and year). `unjudged` says why a figure is not judged even with a
 * target, e.g. a cohort not yet old enough; the figure's value may then be null as well.
 */
export function disclosedIndicator(figure: Disclosed, target: IndicatorTarget | null, unjudged: string | null = null): Indicator {
  const judged = { target: target?.value ?? null, targetSource: target?.source ?? null };
  if (figure.value === null) {
    return { ...judged, value: null, met: null, suppressed: figure.suppressed, note: figure.note ?? unjudged ?? NO_TARGET_NOTE };
  }
  if (unjudged !== null) return { ...judged, value: figure.value, met: null, suppressed: false, note: unjudged };
  if (target === null) return { ...judged, value: figure.value, met: null, suppressed: false, note: NO_TARGET_NOTE };
  return { ...judged, value: figure.value, met: figure.value >= target.value, suppressed: false, note: null };
}

/** A figure not given because nothing it would rest on is old enough yet; the indicator's `unjudged` note says so. */
export const NOT_YET: Disclosed = { value: null, suppressed: false, note: null };

export function checkScorecardArgs(regionCode: string, year: number): void {
  if (!findRegion(regionCode)) throw badUserInput('regionCode', `${regionCode} is not a Jiangsu GB/T 2260 region code`);
  checkYear(year, 'year');
}

/** The years a scorecard answers; `argument` names the caller's argument in the error. */
export function checkYear(year: number, argument: string): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badUserInput(argument, `${year} is not a year between 2000 and 2100`);
}
