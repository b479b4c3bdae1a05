import { badUserInput } from '@rg/api-errors';
import {
  disclosedIndicator, disclosureMinCount, disclosurePolicy, flaggedPrefixes, keySetBytes, refusedKeySetNote, suppressCount, suppressed,
  suppressShare, type Indicator,
} from '@rg/region-scorecard';
import type { PovertyContext } from './context';
import type { Scorecard } from './scorecard.resolver';
import { registryMatchKey, type RegistryMatch } from '../figures/registry-match';

/** The people sets other departments hand the registry on a scorecard (@requires). */
export type KeySetField = 'traineeKeySet'
  | 'borrowerKeySet' | 'womenBorrowerKeySet' | 'founderKeySet' | 'womenFounderKeySet' | 'parkEntrantKeySet';

/** A subset handed over as a bit per prefix of a whole set (key-set-flags.ts): hr's women trainees. */
export interface FlaggedSubset {
  of: KeySetField;
  flags: 'womenTraineeFlags';
}

export type HandedSet = KeySetField | FlaggedSubset;

const requiredThroughGateway = (field: string) => badUserInput(field, 'is required: ask for this indicator through the gateway');

function handedKeySet(card: Scorecard, field: KeySetField): string {
  const keySet = card[field];
  if (typeof keySet !== 'string') throw requiredThroughGateway(field);
  return keySet;
}

/** Each card's flagged subsets read back as key sets, once per request whatever asks for them. */
const subsetsRead = new WeakMap<Scorecard, Map<string, string>>();

function subsetKeySet(card: Scorecard, subset: FlaggedSubset): string {
  const read = subsetsRead.get(card) ?? new Map<string, string>();
  subsetsRead.set(card, read);
  const known = read.get(subset.flags);
  if (known !== undefined) return known;
  const keySet = handedKeySet(card, subset.of);
  const flags = card[subset.flags];
  if (typeof flags !== 'string') throw requiredThroughGateway(subset.flags);
  let bytes: Buffer;
  try {
    bytes = keySetBytes(keySet);
  } catch {
    throw badUserInput(subset.of, 'is not a key set of 64-bit person-key prefixes');
  }
  let subsetBytes: Buffer;
  try {
    subsetBytes = flaggedPrefixes(bytes, Buffer.from(flags, 'base64'));
  } catch {
    throw badUserInput(subset.flags, `is not a bit per prefix of ${subset.of}`);
  }
  const encoded = subsetBytes.toString('base64');
  read.set(subset.flags, encoded);
  return encoded;
}

/**
 * A set handed over, matched against the households registered by the card's year. Only the
 * gateway can supply another department's set; a direct query without it has nothing to match.
 * Every set of a request is matched in one statement (the registryMatches loader): a cohort and
 * its women, asked in one fetch, are one index pass.
 */
export async function matchKeySet(ctx: PovertyContext, card: Scorecard, handed: HandedSet): Promise<RegistryMatch> {
  const keySet = typeof handed === 'string' ? handedKeySet(card, handed) : subsetKeySet(card, handed);
  const result = await ctx.loaders.registryMatches.load(registryMatchKey(card.year, keySet));
  if (!result) throw badUserInput(typeof handed === 'string' ? handed : handed.of, 'is not a key set of 64-bit person-key prefixes');
  return result;
}

/** A set naming fewer people than the disclosure threshold is refused, whoever asks, and says so. */
const refused = () => suppressed(refusedKeySetNote(disclosureMinCount(), 'poverty'));

/** The share of a set's people who are registry-poor, under disclosure control. */
export async function poorShare(ctx: PovertyContext, card: Scorecard, handed: HandedSet): Promise<Indicator> {
  const m = await matchKeySet(ctx, card, handed);
  return disclosedIndicator(m.refused ? refused() : suppressShare(m.poorCount, m.size, disclosurePolicy(ctx.viewer)), null);
}

/** How many of a set's people are registry-poor, under disclosure control. */
export async function poorCount(ctx: PovertyContext, card: Scorecard, handed: HandedSet): Promise<Indicator> {
  const m = await matchKeySet(ctx, card, handed);
  return disclosedIndicator(m.refused ? refused() : suppressCount(m.poorCount, disclosurePolicy(ctx.viewer)), null);
}
