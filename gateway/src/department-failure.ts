import type { GraphQLFormattedError } from 'graphql';
import { CircuitOpenError } from './circuit-breaker';
import type { FetchFailure } from './department-metrics';
import { MAX_PATHS_PER_FETCH, type ResponsePath } from './fields-left-null';

/** What went wrong when a department gave no usable answer, in words a client can act on. */
export function describeFailure(department: string, error: unknown): { reason: FetchFailure; message: string } {
  const name = (error as Error)?.name;
  if (error instanceof CircuitOpenError) return { reason: 'circuit_open', message: error.message };
  if (name === 'TimeoutError') return { reason: 'timeout', message: `The ${department} department did not answer in time` };
  // fetch rejects with a TypeError when no HTTP answer came back (refused, reset, unreachable host).
  if (error instanceof TypeError) return { reason: 'unreachable', message: `The ${department} department is unavailable` };
  // A department answers 401 to the gateway only when it refuses the gateway's signature (a
  // caller's bad token is the gateway's own 401): say so, so an operator mid-rotation sees it.
  if ((error as { extensions?: { response?: { status?: number } } })?.extensions?.response?.status === 401) {
    return { reason: 'http_error', message: `The ${department} department refused this gateway's signature (is its key in the department's GATEWAY_PUBLIC_KEYS?)` };
  }
  return { reason: 'http_error', message: `The ${department} department is unavailable` };
}

/**
 * The department's failure as one error per field it would have filled (paths in its own
 * operation's answer, which @apollo/gateway maps into the client's answer); beyond
 * MAX_PATHS_PER_FETCH, one more error says how many further fields are null for the same reason.
 */
export function errorsAtPaths(
  paths: ResponsePath[], message: string, extensions: Record<string, unknown>,
): GraphQLFormattedError[] {
  const errors: GraphQLFormattedError[] = paths.slice(0, MAX_PATHS_PER_FETCH).map((path) => ({ message, path, extensions }));
  const more = paths.length - MAX_PATHS_PER_FETCH;
  if (more > 0) errors.push({ message: `${message} (${more} more fields left null)`, extensions: { ...extensions, fieldsLeftNull: more } });
  if (!errors.length) errors.push({ message, extensions });
  return errors;
}
