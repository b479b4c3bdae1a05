import { QueryFailedError } from 'typeorm';

/**
 * Whether a failed INSERT/UPDATE broke the named unique constraint or index. Checks before
 * writing cannot see a concurrent transaction's uncommitted row; the index can, so racing
 * writes end here and still get a BAD_USER_INPUT rather than a server error.
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && driverError.constraint === constraint;
}
