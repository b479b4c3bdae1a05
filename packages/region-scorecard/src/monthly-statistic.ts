import { Field, ID, Int, ObjectType } from 'type-graphql';

/**
 * The key of `MonthlyStatistic @key(fields: "regionCode year month")`: one month of a region's
 * year. Like `Scorecard`, each department declares its own `MonthlyStatistic` extending this
 * and contributes the figures its records carry. Records are dated in Beijing time (their
 * dates are calendar days there), so a month is the calendar month of the record's date.
 */
@ObjectType('MonthlyStatisticBase')
export class MonthlyStatisticBase {
  @Field(() => ID)
  regionCode: string;

  @Field(() => Int)
  year: number;

  @Field(() => Int, { description: 'Calendar month in Beijing time, 1–12' })
  month: number;
}

export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

/** The twelve months of a region's year, January first. */
export function monthsOf(regionCode: string, year: number): MonthlyStatisticBase[] {
  return MONTHS.map((month) => ({ regionCode, year, month }));
}
