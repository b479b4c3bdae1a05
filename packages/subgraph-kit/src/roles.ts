/** The roles a token can carry: the five departments' staff, cross-agency analysts, admins; no token is the public. */
export const DEPARTMENTS = ['hr', 'agriculture', 'poverty', 'youth-league', 'womens-federation'] as const;
export type Department = (typeof DEPARTMENTS)[number];
export const ROLES = [...DEPARTMENTS, 'analyst', 'admin'] as const;
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
