import { useSyncExternalStore } from 'react';

/**
 * The caller's bearer token, shared by the explorer and the workbench pages (kept in
 * localStorage, so both pages of one browser use the same one). The gateway verifies it;
 * this only reads its expiry to say in time that a new one is needed.
 */
export interface Session {
  token: string | null;
  role: string | null;
  expiresAt: number | null;
  /** Set when the token expired or the gateway refused it: the page asks for a new one. */
  expired: boolean;
}

const STORAGE_KEY = 'returnee-graph.token';
let state: Session = fromToken(localStorage.getItem(STORAGE_KEY));
const listeners = new Set<() => void>();
let expiryTimer: ReturnType<typeof setTimeout> | undefined;

function claims(token: string): { exp?: number; dept?: string } {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(payload));
  } catch {
    return {};
  }
}

function fromToken(token: string | null): Session {
  if (!token) return { token: null, role: null, expiresAt: null, expired: false };
  const { exp, dept } = claims(token);
  const expiresAt = typeof exp === 'number' ? exp * 1000 : null;
  return { token, role: dept ?? null, expiresAt, expired: expiresAt !== null && expiresAt <= Date.now() };
}

function publish(next: Session): void {
  state = next;
  clearTimeout(expiryTimer);
  if (next.expiresAt && !next.expired) {
    // setTimeout's delay is a 32-bit number of milliseconds; a 12-hour token is well inside it.
    expiryTimer = setTimeout(markExpired, Math.min(next.expiresAt - Date.now(), 2 ** 31 - 1));
  }
  for (const listener of listeners) listener();
}

export function setToken(token: string | null): void {
  const trimmed = token?.trim().replace(/^Bearer\s+/i, '') || null;
  if (trimmed) localStorage.setItem(STORAGE_KEY, trimmed);
  else localStorage.removeItem(STORAGE_KEY);
  publish(fromToken(trimmed));
}

/** The gateway answered UNAUTHENTICATED, or the token's exp has passed. */
export function markExpired(): void {
  if (state.token && !state.expired) publish({ ...state, expired: true });
}

export function currentSession(): Session {
  return state;
}

/** The Authorization header for the gateway; none when signed out (the public's view). */
export function authorizationHeader(): Record<string, string> {
  return state.token ? { authorization: `Bearer ${state.token}` } : {};
}

export function useSession(): Session {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}

publish(state);

/** In development the gateway signs tokens for a chosen role (GET /dev-token lists them); in production it answers 404. */
export async function developmentRoles(): Promise<string[] | null> {
  const response = await fetch('/dev-token');
  if (!response.ok) return null;
  return ((await response.json()) as { roles: string[] }).roles;
}

export async function requestDevelopmentToken(role: string): Promise<void> {
  const response = await fetch('/dev-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role }),
  });
  if (!response.ok) throw new Error(`the gateway refused a development token (${response.status})`);
  setToken(((await response.json()) as { token: string }).token);
}
