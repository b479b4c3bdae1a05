import { authorizationHeader, markExpired } from '../session/session';

export interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GraphQLAnswer<T> {
  data: T | null;
  errors: GraphQLError[];
}

/** The token expired or was refused while the page was open: the page asks for a new one and stops what it was doing. */
export class TokenRefusedError extends Error {
  constructor() {
    super('令牌已过期或被拒绝 / the token has expired or was refused');
  }
}

/** One GraphQL request to the gateway that served the page; field errors come back beside the data (e.g. FORBIDDEN cells). */
export async function graphql<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<GraphQLAnswer<T>> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authorizationHeader() },
    // The operation's name travels beside the query, so the gateway's log and /metrics name it too.
    body: JSON.stringify({ query, variables, operationName: /^\s*(?:query|mutation)\s+(\w+)/.exec(query)?.[1] }),
    signal,
  });
  const body = (await response.json().catch(() => null)) as { data?: T; errors?: GraphQLError[] } | null;
  const errors = body?.errors ?? [];
  if (response.status === 401 || errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
    markExpired();
    throw new TokenRefusedError();
  }
  if (!body) throw new Error(`网关返回 ${response.status} / the gateway answered ${response.status}`);
  return { data: body.data ?? null, errors };
}

/** The answer's data, or an error naming the first problem when there is no data at all. */
export async function graphqlData<T>(query: string, variables?: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
  const answer = await graphql<T>(query, variables, signal);
  if (!answer.data) throw new Error(answer.errors.map((e) => `${e.extensions?.code ?? ''} ${e.message}`).join('; ') || 'no data');
  return answer.data;
}
