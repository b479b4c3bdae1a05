import { DEPARTMENTS, type Department, type Role } from './roles';

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

/** Is the viewer reading another department's data (or an admin reading anything)? Such reads are audited. */
export function isCrossDepartmentRead(viewerRole: Role, owner: Department): boolean {
  return viewerRole !== 'public' && viewerRole !== owner;
}
