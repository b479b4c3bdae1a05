import { createDataSource } from '@rg/data-helpers';
import { verifyAuditChain, type ChainVerification } from '@rg/audit';
import { type DepartmentSubgraph } from '@rg/subgraph-kit';

export interface DepartmentChain extends ChainVerification {
  department: string;
}

/** Verifies each department's audit chain in its own database. */
export async function verifyDepartmentChains(
  targets: Array<{ department: DepartmentSubgraph; url: string }>,
): Promise<DepartmentChain[]> {
  const results: DepartmentChain[] = [];
  for (const { department, url } of targets) {
    const db = createDataSource({ url, entities: department.entities, migrations: department.migrations });
    await db.initialize();
    try {
      results.push({ department: department.name, ...(await verifyAuditChain(db)) });
    } finally {
      await db.destroy();
    }
  }
  return results;
}

export function describeChain(result: DepartmentChain): string {
  return result.intact
    ? `${result.department}: ${result.events} events, chain intact`
    : `${result.department}: ${result.events} events, chain BROKEN — ${result.problem}`;
}
