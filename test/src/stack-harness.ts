import { freshDatabaseUrl, postGraphQL, readCounter, type GraphQLResponse } from '@rg/dev-postgres';
import { startStack, type Stack } from '@rg/infra';
import { DEPARTMENTS } from '@rg/departments';
import { signToken, type Role } from '@rg/access';
import { generateWorld, type World } from '@rg/demo-province';

/** Size of the province the end-to-end tests run on: big enough for every city, quick to seed. */
export const E2E_TRAINEES = 1500;

export interface StackHarness {
  stack: Stack;
  world: World;
  query<T = any>(query: string, variables?: Record<string, unknown>, role?: Exclude<Role, 'public'>): Promise<GraphQLResponse<T>>;
  statements(department: string): Promise<number>;
  stop(): Promise<void>;
}

/** The real system: a subgraph process per department of the manifest and the gateway over HTTP, on fresh databases of the test server. */
export async function startStackHarness(options: { env?: NodeJS.ProcessEnv } = {}): Promise<StackHarness> {
  const databaseUrls: Record<string, string> = {};
  for (const name of DEPARTMENTS) databaseUrls[name] = await freshDatabaseUrl(`e2e_${name}`);
  const stack = await startStack({ dataDir: '', databaseUrls, trainees: E2E_TRAINEES, quiet: true, env: options.env });
  const world = generateWorld({ trainees: E2E_TRAINEES });
  const tokens = new Map<string, string>();
  return {
    stack,
    world,
    async query(query, variables, role) {
      let token: string | undefined;
      if (role) {
        token = tokens.get(role) ?? (await signToken(role));
        tokens.set(role, token);
      }
      return postGraphQL(stack.gatewayUrl, query, variables, token);
    },
    statements: (department) => readCounter(stack.subgraphUrls[department].replace('/graphql', '/metrics'), 'db_statements_total'),
    stop: () => stack.stop(),
  };
}
