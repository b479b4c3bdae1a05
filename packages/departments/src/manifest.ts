/**
 * The department manifest: the one list of the departments. Roles, ports, environment
 * variables, gateway endpoints, databases, start-up and the tests' department lists all
 * derive from it. Names and ports are a contract with operators and front ends: never
 * renumber an existing department. `npm run new-department -- <name>` appends an entry.
 */
export interface ManifestEntry {
  /** kebab-case; also the staff role and the subgraph's name in the supergraph. */
  readonly name: string;
  /** The workspace package whose main module exports the department's subgraph. */
  readonly package: string;
  /** Default port of the subgraph (the gateway is 4000). */
  readonly port: number;
  /** Database name on a shared server (npm start, tests). */
  readonly database: string;
  /** Who the department is, for people reading the list. */
  readonly title: string;
}

export const DEPARTMENT_MANIFEST = [
  { name: 'hr', package: '@rg/hr', port: 4001, database: 'hr', title: 'Human resources and social security: training, ventures, loans' },
  { name: 'agriculture', package: '@rg/agriculture', port: 4002, database: 'agriculture', title: 'Agriculture and rural affairs: incubator parks' },
  { name: 'poverty', package: '@rg/poverty', port: 4003, database: 'poverty', title: 'Poverty alleviation office: registry of poor households' },
  { name: 'youth-league', package: '@rg/youth-league', port: 4004, database: 'youth_league', title: 'Communist Youth League: success stories and awards' },
  { name: 'womens-federation', package: '@rg/womens-federation', port: 4005, database: 'womens_federation', title: "Women's federation: support for women entrepreneurs" },
  // new-department: entries are appended above this line
] as const satisfies readonly ManifestEntry[];
