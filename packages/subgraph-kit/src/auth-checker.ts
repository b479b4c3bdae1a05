import type { AuthChecker } from 'type-graphql';
import { forbidden } from '@rg/api-errors';
import type { Viewer } from '@rg/access';

/**
 * type-graphql's auth checker: the roles listed on a field, or any signed-in role when none
 * are. A denial is FORBIDDEN on that field alone, so the rest of the answer still comes back.
 */
export const roleAuthChecker: AuthChecker<{ viewer: Viewer }> = ({ context, info }, roles) => {
  const role = context.viewer.role;
  const allowed = role !== 'public' && (roles.length === 0 || roles.includes(role));
  if (!allowed) throw forbidden(`${info.parentType.name}.${info.fieldName} is not available to ${role === 'public' ? 'the public' : `role ${role}`}`);
  return true;
};
