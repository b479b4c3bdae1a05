import { startSubgraph, type DepartmentSubgraph, type RunningSubgraph } from '@rg/subgraph-kit';
import { signToken, generateGatewayKeyPair, importGatewayKeySet, importGatewaySigningKey, signGatewayRequest, GATEWAY_SIGNATURE_HEADER, type Role, type GatewaySigningKey, type GatewayKeySet } from '@rg/access';
import { DEMO_REFERENCE_DATE, generateWorld, type World } from '@rg/demo-province';
import { sendImport, type ImportAnswer, type Rejection } from '@rg/record-import';
import { freshDatabaseUrl } from './databases';
import { metricSum } from './metrics-page';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: Array<{ message: string; path?: (string | number)[]; extensions?: Record<string, any> }>;
}

export interface SubgraphHarness {
  subgraph: RunningSubgraph;
  world: World;
  databaseUrl: string;
  /** A request as the gateway sends it: signed with the test gateway key, carrying the role's token (or none). */
  query<T = any>(query: string, variables?: Record<string, unknown>, role?: Exclude<Role, 'public'>): Promise<GraphQLResponse<T>>;
  /** A request sent straight to the subgraph, without the gateway's signature. */
  directQuery<T = any>(query: string, variables?: Record<string, unknown>, role?: Exclude<Role, 'public'>): Promise<GraphQLResponse<T>>;
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
  url: string, query: string, variables?: Record<string, unknown>, token?: string, headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

/**
 * A gateway key pair for tests: the subgraphs a test starts accept its public key, and the
 * harness signs with its private key exactly as the gateway does (same claims, same body hash).
 */
export interface TestGatewayKeys {
  signingKeyText: string;
  publicKeysText: string;
  signingKey: GatewaySigningKey;
  keySet: GatewayKeySet;
}

let testKeys: Promise<TestGatewayKeys> | undefined;
export function testGatewayKeys(): Promise<TestGatewayKeys> {
  testKeys ??= (async () => {
    const { privateJwk, publicJwk } = await generateGatewayKeyPair();
    const signingKeyText = JSON.stringify(privateJwk);
    const publicKeysText = JSON.stringify({ keys: [publicJwk] });
    return { signingKeyText, publicKeysText, signingKey: await importGatewaySigningKey(signingKeyText), keySet: await importGatewayKeySet(publicKeysText) };
  })();
  return testKeys;
}

/** Posts a GraphQL request to a department signed like the gateway's, returning the raw response. */
export async function postAsGateway(
  url: string, department: string, query: string, variables?: Record<string, unknown>, token?: string,
  signingKey?: GatewaySigningKey,
): Promise<Response> {
  const body = JSON.stringify({ query, variables });
  const signature = await signGatewayRequest(signingKey ?? (await testGatewayKeys()).signingKey, department, body);
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [GATEWAY_SIGNATURE_HEADER]: signature, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
}

/** Starts one department on a fresh database of the test server, migrated and seeded. */
export async function startSubgraphHarness(
  department: DepartmentSubgraph, options: { world?: World; seed?: boolean } = {},
): Promise<SubgraphHarness> {
  const world = options.world ?? generateWorld({ trainees: TEST_WORLD_SIZE });
  // The demo's records stop at its reference date: the scorecard is judged as of that day, as the ground truth is.
  process.env.SCORECARD_REFERENCE_DATE ??= DEMO_REFERENCE_DATE;
  const databaseUrl = await freshDatabaseUrl(department.name);
  const keys = await testGatewayKeys();
  const subgraph = await startSubgraph(department, { databaseUrl, port: 0, gatewayKeys: keys.keySet });
  if (options.seed !== false) await department.seed(subgraph.dataSource, world);
  const tokens = new Map<string, string>();
  const tokenOf = async (role?: Exclude<Role, 'public'>) => {
    if (!role) return undefined;
    if (!tokens.has(role)) tokens.set(role, await signToken(role));
    return tokens.get(role);
  };
  return {
    subgraph,
    world,
    databaseUrl,
    async query(query, variables, role) {
      const response = await postAsGateway(subgraph.url, department.name, query, variables, await tokenOf(role), keys.signingKey);
      return (await response.json()) as GraphQLResponse;
    },
    async directQuery(query, variables, role) {
      return postGraphQL(subgraph.url, query, variables, await tokenOf(role));
    },
    statements: () => metricSum(subgraph.url.replace('/graphql', '/metrics'), 'db_statements_total'),
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
