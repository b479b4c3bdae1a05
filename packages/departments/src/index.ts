import { DEPARTMENT_MANIFEST, type ManifestEntry } from './manifest';

export { DEPARTMENT_MANIFEST, type ManifestEntry };

export type Department = (typeof DEPARTMENT_MANIFEST)[number]['name'];

/** One department of the manifest, its name narrowed to the known departments. */
export interface DepartmentEntry extends ManifestEntry {
  readonly name: Department;
}

/** The departments' names, in port order. */
export const DEPARTMENTS: readonly Department[] = DEPARTMENT_MANIFEST.map((d) => d.name);

export const DEPARTMENT_ENTRIES: readonly DepartmentEntry[] = DEPARTMENT_MANIFEST;

/** Staff of each department, cross-agency analysts and admins (the public has no token). */
export const ROLES = [...DEPARTMENTS, 'analyst', 'admin'] as const;

export const GATEWAY_PORT = 4000;

export function isDepartment(value: unknown): value is Department {
  return typeof value === 'string' && (DEPARTMENTS as readonly string[]).includes(value);
}

export function departmentEntry(name: Department): DepartmentEntry {
  const entry = DEPARTMENT_MANIFEST.find((d) => d.name === name);
  if (!entry) throw new Error(`unknown department ${name}; known: ${DEPARTMENTS.join(', ')}`);
  return entry;
}

/** youth-league → YOUTH_LEAGUE: the prefix of the department's environment variables. */
export function variablePrefix(name: Department): string {
  return name.toUpperCase().replace(/-/g, '_');
}

/** The environment variable holding a department's database URL, e.g. HR_DATABASE_URL. */
export function databaseUrlVariable(name: Department): string {
  return `${variablePrefix(name)}_DATABASE_URL`;
}

/** The subgraph's listening port, e.g. YOUTH_LEAGUE_PORT. */
export function portVariable(name: Department): string {
  return `${variablePrefix(name)}_PORT`;
}

/** The gateway's URL of the subgraph, e.g. WOMENS_FEDERATION_URL. */
export function subgraphUrlVariable(name: Department): string {
  return `${variablePrefix(name)}_URL`;
}

/**
 * A Unix socket the subgraph also listens on, e.g. HR_SOCKET: set for a department, it serves
 * on that path beside its port, and a gateway on the same machine sends it requests there
 * instead of over loopback TCP (whose sending costs the sender's CPU twice: its own write and
 * the kernel's loopback delivery).
 */
export function socketVariable(name: Department): string {
  return `${variablePrefix(name)}_SOCKET`;
}

/** The subgraph's URL when it runs on its default port on this machine. */
export function defaultSubgraphUrl(name: Department): string {
  return `http://127.0.0.1:${departmentEntry(name).port}/graphql`;
}
