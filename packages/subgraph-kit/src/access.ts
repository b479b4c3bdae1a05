import type { AuthChecker } from 'type-graphql';
import { DEPARTMENTS, type Department, type Role } from './roles';
import type { DepartmentContext } from './context';
import { forbidden } from './errors';

/**
 * The access matrix's vocabulary (docs/ACCESS.md has the table). Fields carry
 * `@Authorized(...)` with one of these lists; the owning subgraph enforces it, so a caller
 * who goes round the gateway meets the same rules.
 */

/** Every signed-in role: department staff, analysts, admins — not the public. */
export const SIGNED_IN: Role[] = [...DEPARTMENTS, 'analyst', 'admin'];

/** Department staff and admins: operational records of other departments, pseudonymous. */
export const STAFF: Role[] = [...DEPARTMENTS, 'admin'];

/** Personal details (names, contacts, masked IDs, incomes): the owning department and admins only. */
export function ownerOnly(department: Department): Role[] {
  return [department, 'admin'];
}

/** Records (not aggregates) of a department: signed-in roles. Analysts see them pseudonymously. */
export const PSEUDONYMOUS_RECORDS = SIGNED_IN;

/**
 * type-graphql's auth checker: the roles listed on a field, or any signed-in role when none
 * are. A denial is FORBIDDEN on that field alone, so the rest of the answer still comes back.
 */
export const roleAuthChecker: AuthChecker<DepartmentContext> = ({ context, info }, roles) => {
  const role = context.viewer.role;
  const allowed = role !== 'public' && (roles.length === 0 || roles.includes(role));
  if (!allowed) throw forbidden(`${info.parentType.name}.${info.fieldName} is not available to ${role === 'public' ? 'the public' : `role ${role}`}`);
  return true;
};

/** Is the viewer reading another department's data (or an admin reading anything)? Such reads are audited. */
export function isCrossDepartmentRead(viewerRole: Role, owner: Department): boolean {
  return viewerRole !== 'public' && viewerRole !== owner;
}
