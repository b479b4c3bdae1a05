import type { Viewer } from '@rg/access';
import { wholeNumber } from '@rg/settings';

/**
 * Statistical disclosure control for aggregates (docs/ACCESS.md, "Disclosure control").
 *
 * A figure that counts people, or is derived from a handful of them, can single someone out:
 * "2 registered-poor trainees in Feng County in 2020" tells a neighbour a great deal. For
 * callers without record access (the public) such a figure is withheld when the people it
 * rests on number fewer than `DISCLOSURE_MIN_COUNT` (default 5); the answer then says so,
 * instead of a rounded or made-up number. Signed-in roles already see the pseudonymous records
 * the figure is computed from, so they keep the exact figure.
 *
 * Zero is shown: an empty cell says nothing about any one person, and suppressing zeros
 * would hide the commonest and most useful answer ("nobody yet").
 */
export const DEFAULT_DISCLOSURE_MIN_COUNT = 5;

/** The threshold from the environment; anything but a whole number ≥ 1 is a configuration error. */
export function disclosureMinCount(env: NodeJS.ProcessEnv = process.env): number {
  return wholeNumber(env, 'DISCLOSURE_MIN_COUNT', DEFAULT_DISCLOSURE_MIN_COUNT, 1);
}

/** How one request's figures are disclosed. */
export interface DisclosurePolicy {
  /** Cells of 1 … minCount − 1 people are small. */
  minCount: number;
  /** Exact figures for this caller (record access), or small cells withheld. */
  exact: boolean;
}

/** The public has no record access; every signed-in role reads at least pseudonymous records. */
export function hasRecordAccess(viewer: Viewer): boolean {
  return viewer.role !== 'public';
}

export function disclosurePolicy(viewer: Viewer, env: NodeJS.ProcessEnv = process.env): DisclosurePolicy {
  return { minCount: disclosureMinCount(env), exact: hasRecordAccess(viewer) };
}

/** A figure as disclosed to one caller: the value, or null with the reason. */
export interface Disclosed {
  value: number | null;
  suppressed: boolean;
  note: string | null;
}

/** 1 … minCount − 1: a cell small enough to single someone out. Zero is not. */
export function isSmallCell(people: number, minCount: number): boolean {
  return people > 0 && people < minCount;
}

/** The reader's explanation of a withheld cell; `unit` is what was counted (people, households). */
export function smallCountNote(minCount: number, unit = 'people'): string {
  return `fewer than ${minCount} ${unit}: suppressed to protect privacy`;
}

/** The receiving department refused the key set this figure needs (see refusesKeySet). */
export function refusedKeySetNote(minCount: number, receiver: string): string {
  return `${receiver} refused a key set of fewer than ${minCount} people: suppressed to protect privacy`;
}

/** The department that derives a key set kept it, being too small to pass on. */
export function withheldKeySetNote(minCount: number, sender: string): string {
  return `${sender} withheld a key set of fewer than ${minCount} people: suppressed to protect privacy`;
}

export function shown(value: number): Disclosed {
  return { value, suppressed: false, note: null };
}

export function suppressed(note: string): Disclosed {
  return { value: null, suppressed: true, note };
}

/** A count of people (or of records each about one person, or of households). */
export function suppressCount(count: number, policy: DisclosurePolicy, unit = 'people'): Disclosed {
  return !policy.exact && isSmallCell(count, policy.minCount) ? suppressed(smallCountNote(policy.minCount, unit)) : shown(count);
}

/**
 * A total (yuan lent, say) that rests on `people` contributors: with fewer than the threshold
 * behind it, the total is close to one person's own amount.
 */
export function suppressTotal(total: number, people: number, policy: DisclosurePolicy): Disclosed {
  return !policy.exact && isSmallCell(people, policy.minCount) ? suppressed(smallCountNote(policy.minCount)) : shown(total);
}

/**
 * A share of people: withheld when either side of it is a small cell — those who have the
 * property (numerator), those who do not (denominator − numerator: "all but 2 passed" says as
 * much about the 2 as "2 passed") — or when the whole group is. An empty group is 0, as
 * `ratio` has it.
 */
export function suppressShare(numerator: number, denominator: number, policy: DisclosurePolicy): Disclosed {
  const small = [numerator, denominator - numerator, denominator].some((n) => isSmallCell(n, policy.minCount));
  if (!policy.exact && small) return suppressed(smallCountNote(policy.minCount));
  return shown(denominator === 0 ? 0 : numerator / denominator);
}

/**
 * Key sets travel between departments (hr's trained cohort to poverty, poverty's poor women to
 * womens-federation). A set of 1 … minCount − 1 distinct people would turn the receiver's
 * answer into a membership test on those few ("is this person in the poverty registry?"), so
 * the receiver refuses it, whoever the caller is. Duplicates do not count twice. The empty set
 * is answered: it asks about nobody.
 */
export function refusesKeySet(prefixes: readonly bigint[], minCount = disclosureMinCount()): boolean {
  return refusesKeySetOf(new Set(prefixes).size, minCount);
}

/** The same rule for a set whose distinct people are already counted (a set handled as bytes). */
export function refusesKeySetOf(distinctPeople: number, minCount = disclosureMinCount()): boolean {
  return isSmallCell(distinctPeople, minCount);
}
