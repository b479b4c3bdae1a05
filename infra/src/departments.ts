import type { DepartmentSubgraph } from '@rg/subgraph-kit';
import { hrSubgraph } from '@rg/hr';
import { agricultureSubgraph } from '@rg/agriculture';
import { povertySubgraph } from '@rg/poverty';
import { youthLeagueSubgraph } from '@rg/youth-league';
import { womensFederationSubgraph } from '@rg/womens-federation';

/** The five departments, in port order (hr 4001 … womens-federation 4005). */
export const departments: DepartmentSubgraph<any>[] = [
  hrSubgraph, agricultureSubgraph, povertySubgraph, youthLeagueSubgraph, womensFederationSubgraph,
];

/** Where each department's compiled entry point lives, for running it as its own process. */
export function departmentEntry(name: string): string {
  return require.resolve(`@rg/${name}`);
}
