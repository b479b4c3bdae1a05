/**
 * The demonstration designations and enterprise awards as the graph should report them,
 * computed from the generated records alone.
 */
import { countiesUnder } from '@rg/regions';
import type { Designation, DesignationKind, DesignationLevel, World } from './world';

export interface DesignationQuery { kind?: DesignationKind; level?: DesignationLevel; regionCode?: string; year?: number }

/** The designations a `designations(filter)` answers, in id order (the pages' order). */
export function expectedDesignations(world: World, filter: DesignationQuery = {}): Designation[] {
  const counties = filter.regionCode ? new Set(countiesUnder(filter.regionCode)) : null;
  return world.hr.demonstrations.filter((d) =>
    (!filter.kind || d.kind === filter.kind) && (!filter.level || d.level === filter.level)
    && (!counties || counties.has(d.regionCode)) && (filter.year === undefined || d.year === filter.year));
}

/** The year a review revoked the designation, or null while it is in force. */
export function revokedIn(world: World, designationId: number): number | null {
  return world.hr.demonstrationReviews.find((r) => r.designationId === designationId && r.result === 'REVOKED')?.year ?? null;
}

/** Designations in force in a region (not revoked), per kind. */
export function expectedActiveDesignations(world: World, regionCode: string): Record<DesignationKind, number> {
  const counts: Record<DesignationKind, number> = { COUNTY: 0, PARK: 0, PROJECT: 0, POVERTY_RELIEF_PROJECT: 0, VENTURE: 0, PERSON: 0 };
  for (const d of expectedDesignations(world, { regionCode })) if (revokedIn(world, d.id) === null) counts[d.kind]++;
  return counts;
}

/** The awards to enterprises, in id order. */
export function expectedEnterpriseAwards(world: World) {
  return world.youthLeague.awards.filter((a) => a.recipientKind === 'VENTURE');
}
