import { startSubgraph, signToken, type DepartmentSubgraph, type RunningSubgraph, type Role } from '@rg/subgraph-kit';
import { generateWorld, type World } from '@rg/demo-province';
import { sendImport, type ImportAnswer, type Rejection } from '@rg/record-import';
import { freshDatabaseUrl } from './databases';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: Array<{ message: string; path?: (string | number)[]; extensions?: Record<string, any> }>;
}

export interface SubgraphHarness {
  subgraph: RunningSubgraph;
  world: World;
  databaseUrl: string;
  query<T = any>(query: string, variables?: Record<string, unknown>, role?: Exclude<Role, 'public'>): Promise<GraphQLResponse<T>>;
  /** The subgraph's `db_statements_total`, read from its /metrics. */
  statements(): Promise<number>;
  /** Rows in one of the department's tables: writes refused must leave it unchanged. */
  rowCount(table: string): Promise<number>;
  /** Sends a file to POST /import/<record type> as `role` (the department's own by default). */
  importFile(recordType: string, body: Buffer, role?: Exclude<Role, 'public'>): Promise<ImportAnswer & { rejections: Rejection[] }>;
  stop(): Promise<void>;
}

/** The small demo world the integration tests share: deterministic, so tests can assert on it. */
export const TEST_WORLD_SIZE = 600;

export async function postGraphQL<T = any>(
  url: string, query: string, variables?: Record<string, unknown>, token?: string,
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

export async function readCounter(metricsUrl: string, name: string): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `));
  return line ? Number(line.split(' ').pop()) : 0;
}

/** Starts one department on a fresh database of the test server, migrated and seeded. */
export async function startSubgraphHarness(
  department: DepartmentSubgraph, options: { world?: World; seed?: boolean } = {},
): Promise<SubgraphHarness> {
  const world = options.world ?? generateWorld({ trainees: TEST_WORLD_SIZE });
  const databaseUrl = await freshDatabaseUrl(department.name);
  const subgraph = await startSubgraph(department, { databaseUrl, port: 0 });
  if (options.seed !== false) await department.seed(subgraph.dataSource, world);
  const tokens = new Map<string, string>();
  return {
    subgraph,
    world,
    databaseUrl,
    async query(query, variables, role) {
      let token: string | undefined;
      if (role) {
        token = tokens.get(role) ?? (await signToken(role));
        tokens.set(role, token);
      }
      return postGraphQL(subgraph.url, query, variables, token);
    },
    statements: () => readCounter(subgraph.url.replace('/graphql', '/metrics'), 'db_statements_total'),
    async rowCount(table) {
      const [{ n }] = await subgraph.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
      return n;
    },
    async importFile(recordType, body, role = department.name) {
      const rejections: Rejection[] = [];
      const answer = await sendImport(subgraph.url.replace('/graphql', `/import/${recordType}`), body, {
        token: await signToken(role), onRejected: (r) => rejections.push(r),
      });
      return { ...answer, rejections };
    },
    stop: () => subgraph.stop(),
  };
}
