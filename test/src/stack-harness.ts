import { freshDatabaseUrl, metricSum, postGraphQL, type GraphQLResponse } from '@rg/dev-postgres';
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
  /** The sum of a gateway metric's samples whose labels include `labels`; 0 when absent. */
  gatewayMetric(name: string, labels?: Record<string, string>): Promise<number>;
  stop(): Promise<void>;
}

/** A trainee in poverty's registry: their household is audited by poverty when a caller from outside reads it. */
export function registeredPoorTrainee(world: World) {
  const member = world.poverty.members.find((m) => world.hr.trainees.some((t) => t.personKey === m.personKey))!;
  return { trainee: world.hr.trainees.find((t) => t.personKey === member.personKey)!, householdId: String(member.householdId) };
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
    statements: (department) => metricSum(stack.subgraphUrls[department].replace('/graphql', '/metrics'), 'db_statements_total'),
    gatewayMetric: (name, labels) => metricSum(stack.gatewayUrl.replace('/graphql', '/metrics'), name, labels),
    stop: () => stack.stop(),
  };
}
