import { DEPARTMENT_ENTRIES, type DepartmentEntry } from '@rg/departments';
import type { DepartmentSubgraph } from '@rg/subgraph-kit';
import type { World } from '@rg/demo-province';

/** A department as infra runs it: its manifest entry and the subgraph its package exports. */
export interface LoadedDepartment extends DepartmentEntry {
  readonly subgraph: DepartmentSubgraph<unknown, World>;
}

function isSubgraphOf(name: DepartmentEntry['name'], value: unknown): value is DepartmentSubgraph<unknown, World> {
  const candidate = value as Partial<DepartmentSubgraph> | null;
  return typeof candidate === 'object' && candidate !== null && candidate.name === name
    && typeof candidate.seed === 'function' && typeof candidate.createLoaders === 'function' && Boolean(candidate.schema);
}

/** Loads a department's package (by its name in the manifest) and finds the subgraph it exports. */
export function loadDepartment(entry: DepartmentEntry): LoadedDepartment {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the package name is data from the manifest
  const exports: Record<string, unknown> = require(entry.package);
  const subgraph = Object.values(exports).find((value) => isSubgraphOf(entry.name, value));
  if (!subgraph) throw new Error(`${entry.package} exports no DepartmentSubgraph named "${entry.name}"`);
  return { ...entry, subgraph };
}

/** Every department of the manifest, in port order, with its subgraph loaded. */
export const departments: readonly LoadedDepartment[] = DEPARTMENT_ENTRIES.map(loadDepartment);

/** Where a department's compiled entry point lives, for running it as its own process. */
export function departmentEntryPoint(department: DepartmentEntry): string {
  return require.resolve(department.package);
}
