import type { AuthChecker, ResolverData } from 'type-graphql';
import { forbidden } from '@rg/api-errors';
import type { Viewer } from '@rg/access';

/**
 * The roles listed on a field, or any signed-in role when none are. A denial is FORBIDDEN on
 * that field alone, so the rest of the answer still comes back.
 */
export function checkRoles({ context, info }: ResolverData<{ viewer: Viewer }>, roles: readonly string[]): true {
  const role = context.viewer.role;
  const allowed = role !== 'public' && (roles.length === 0 || roles.includes(role));
  if (!allowed) throw forbidden(`${info.parentType.name}.${info.fieldName} is not available to ${role === 'public' ? 'the public' : `role ${role}`}`);
  return true;
}

/** type-graphql's auth checker: `checkRoles`. */
export const roleAuthChecker: AuthChecker<{ viewer: Viewer }> = (data, roles) => checkRoles(data, roles);
