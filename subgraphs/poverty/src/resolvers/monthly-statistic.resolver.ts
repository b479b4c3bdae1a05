import { Ctx, Directive, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { badUserInput } from '@rg/api-errors';
import {
  disclosureMinCount, disclosurePolicy, monthlyStatisticDisclosureType, MonthlyStatisticBase, refusedKeySetNote, suppressCount,
  suppressed, type Disclosed,
} from '@rg/region-scorecard';
import type { PovertyContext } from './context';
import { registryMatchKey } from '../figures/registry-match';

/**
 * The registry's part of a month: which of the people hr trained in the month are in a
 * household registered by the end of the year, as on the scorecard (hr hands over the month's
 * cohort as a key set, @requires). The registry itself is kept by year, so this is the
 * month's figure its records carry. A set of fewer people than the disclosure threshold is
 * refused, whoever asks.
 */
@ObjectType({ description: "One month of a region's year; each department contributes the figures its records carry" })
@Directive('@key(fields: "regionCode year month")')
export class MonthlyStatistic extends MonthlyStatisticBase {
  @Field()
  @Directive('@external')
  traineeKeySet: string;
}

const PovertyMonthlyStatisticDisclosure = monthlyStatisticDisclosureType(['poorTrained'] as const);

async function poorTrained(ctx: PovertyContext, row: MonthlyStatistic): Promise<Disclosed> {
  // Only the gateway can supply hr's set; a direct query without it has nothing to match.
  if (typeof row.traineeKeySet !== 'string') throw badUserInput('traineeKeySet', 'is required: ask for this figure through the gateway');
  const match = await ctx.loaders.registryMatches.load(registryMatchKey(row.year, row.traineeKeySet));
  if (!match) throw badUserInput('traineeKeySet', 'is not a key set of 64-bit person-key prefixes');
  if (match.refused) return suppressed(refusedKeySetNote(disclosureMinCount(), 'poverty'));
  return suppressCount(match.poorCount, disclosurePolicy(ctx.viewer));
}

@Resolver(() => MonthlyStatistic)
export class PovertyMonthlyStatisticResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description: 'poverty: people trained in the month (hr) who are in a household registered by the end of the year; null when withheld, see disclosure',
  })
  @Directive('@requires(fields: "traineeKeySet")')
  async poorTrained(@Root() row: MonthlyStatistic, @Ctx() ctx: PovertyContext) {
    return (await poorTrained(ctx, row)).value;
  }

  @FieldResolver(() => PovertyMonthlyStatisticDisclosure, { description: "Which of the month's figures are withheld to protect privacy, and why" })
  @Directive('@shareable')
  @Directive('@requires(fields: "traineeKeySet")')
  async disclosure(@Root() row: MonthlyStatistic, @Ctx() ctx: PovertyContext) {
    return { poorTrained: await poorTrained(ctx, row) };
  }
}
