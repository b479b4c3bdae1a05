import { badUserInput } from '@rg/api-errors';
import { disclosureMinCount, refusedKeySetNote, suppressed } from './disclosure';
import { decodeKeySet } from './key-set';
import { disclosedIndicator, indicator, type Indicator } from './scorecard';

/**
 * The mechanics every department's eligibility cross-checks share: the registry's answer to a
 * key set arrives through @requires as a key set, or null when poverty refused the set (or the
 * caller is not an auditor). Decoded here; undefined means it was not supplied at all, i.e.
 * the field was asked for without the gateway.
 */
export function registryAnswer(value: string | null | undefined, field: string): bigint[] | null {
  if (value === undefined) throw badUserInput(field, 'is required: ask for the findings through the gateway');
  if (value === null) return null;
  try {
    return decodeKeySet(value);
  } catch {
    throw badUserInput(field, 'is not a key set of 64-bit person-key prefixes');
  }
}

/** The findings' count in the scorecard: refused (and saying why) when the registry could not be asked. */
export function findingCount(findings: number, registryChecked: boolean): Indicator {
  if (!registryChecked) return disclosedIndicator(suppressed(refusedKeySetNote(disclosureMinCount(), 'poverty')), null);
  return indicator(findings, null); // a count for auditors: no policy target
}
