import { ROLES } from '@rg/departments';

/** The roles: each department's staff, cross-agency analysts, admins (all from the manifest), and the public. */
export { DEPARTMENTS, ROLES, type Department } from '@rg/departments';
export type Role = (typeof ROLES)[number] | 'public';

export function isRole(value: unknown): value is Exclude<Role, 'public'> {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Who is asking: resolved from a verified token, or the public when there is none. */
export interface Viewer {
  role: Role;
  /** Token subject (a staff account); 'anonymous' for the public. */
  subject: string;
  scopes: string[];
}

export const PUBLIC_VIEWER: Viewer = { role: 'public', subject: 'anonymous', scopes: [] };
