import { GraphQLError } from 'graphql';

/** Socket-level failures: the server is not there, or went away mid-conversation. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/**
 * PostgreSQL SQLSTATEs that mean "the database cannot serve you right now" rather than "your
 * statement is wrong": class 08 (connection exception), 57P01–57P03 (administrator shutdown,
 * crash shutdown, starting up or shutting down), 53300 (too many connections).
 */
function isUnavailableSqlState(code: string): boolean {
  return code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300';
}

/** What pg and pg-pool say when a connection broke or none could be had in time; they carry no code. */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /Client has encountered a connection error and is not queryable/,
  /Client was closed and is not queryable/,
  /Cannot use a pool after calling end on the pool/,
  /the database system is (starting up|shutting down|in recovery mode)/,
];

/**
 * Whether an error (as thrown by TypeORM, pg or pg-pool, possibly wrapped by GraphQL) means the
 * department's database is down, restarting or out of connections: a retry may well succeed.
 * The one place that decides it, so every answer and log says the same.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const e = error as { name?: unknown; code?: unknown; message?: unknown; driverError?: unknown; originalError?: unknown; cause?: unknown; errors?: unknown };
  // TypeORM releases a transaction's connection when it breaks; the transaction's next statement
  // then fails with one of these instead of the network error (both seen while PostgreSQL
  // restarts, depending on whether the break came before or during the statement). The
  // transaction is rolled back with its connection, so a retry is safe.
  if (e.name === 'QueryRunnerProviderAlreadyReleasedError' || e.name === 'QueryRunnerAlreadyReleasedError') return true;
  if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || (/^[0-9A-Z]{5}$/.test(e.code) && isUnavailableSqlState(e.code)))) return true;
  // Over a Unix socket, a server that is not there leaves no file to connect to: the socket's
  // "connection refused". Only a connect's ENOENT: a missing file elsewhere is no outage.
  if (e.code === 'ENOENT' && (error as { syscall?: unknown }).syscall === 'connect') return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(e.message as string))) return true;
  // AggregateError (e.g. ECONNREFUSED on both ::1 and 127.0.0.1) and the wrappers of TypeORM and GraphQL.
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return [e.driverError, e.originalError, e.cause].some((inner) => isDatabaseUnavailable(inner, depth + 1));
}

export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';

export const DATABASE_UNAVAILABLE_MESSAGE =
  'The database is unavailable for a moment; retry the request (a write with the same Idempotency-Key)';

/** The answer a client can act on: try again later, and a retried write cannot apply twice when it carries its key. */
export function serviceUnavailable(message = DATABASE_UNAVAILABLE_MESSAGE): GraphQLError {
  return new GraphQLError(message, { extensions: { code: SERVICE_UNAVAILABLE, retryable: true } });
}
