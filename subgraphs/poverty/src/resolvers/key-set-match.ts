import { badUserInput } from '@rg/api-errors';
import {
  disclosedIndicator, disclosureMinCount, disclosurePolicy, refusedKeySetNote, suppressCount, suppressed, suppressShare, type Indicator,
} from '@rg/region-scorecard';
import type { PovertyContext } from './context';
import type { Scorecard } from './scorecard.resolver';
import { registryMatchKey, type RegistryMatch } from '../figures/registry-match';

/** The people sets other departments hand the registry on a scorecard (@requires). */
export type KeySetField = 'traineeKeySet' | 'womenTraineeKeySet'
  | 'borrowerKeySet' | 'womenBorrowerKeySet' | 'founderKeySet' | 'womenFounderKeySet' | 'parkEntrantKeySet';

/**
 * A set handed over, matched against the households registered by the card's year. Only the
 * gateway can supply another department's set; a direct query without it has nothing to match.
 * Every set of a request is matched in one statement (the registryMatches loader).
 */
export async function matchKeySet(ctx: PovertyContext, card: Scorecard, field: KeySetField): Promise<RegistryMatch> {
  const keySet = card[field];
  if (typeof keySet !== 'string') throw badUserInput(field, 'is required: ask for this indicator through the gateway');
  const result = await ctx.loaders.registryMatches.load(registryMatchKey(card.year, keySet));
  if (!result) throw badUserInput(field, 'is not a key set of 64-bit person-key prefixes');
  return result;
}

/** A set naming fewer people than the disclosure threshold is refused, whoever asks, and says so. */
const refused = () => suppressed(refusedKeySetNote(disclosureMinCount(), 'poverty'));

/** The share of a set's people who are registry-poor, under disclosure control. */
export async function poorShare(ctx: PovertyContext, card: Scorecard, field: KeySetField): Promise<Indicator> {
  const m = await matchKeySet(ctx, card, field);
  return disclosedIndicator(m.refused ? refused() : suppressShare(m.poorCount, m.size, disclosurePolicy(ctx.viewer)), null);
}

/** How many of a set's people are registry-poor, under disclosure control. */
export async function poorCount(ctx: PovertyContext, card: Scorecard, field: KeySetField): Promise<Indicator> {
  const m = await matchKeySet(ctx, card, field);
  return disclosedIndicator(m.refused ? refused() : suppressCount(m.poorCount, disclosurePolicy(ctx.viewer)), null);
}
