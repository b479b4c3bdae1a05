/**
 * A whole-number setting from the environment: its default when unset or empty, otherwise the
 * number it spells, refused with the setting's name when it is not a whole number from `min`
 * (to `max`, when given). One rule for every numeric setting of every process: a typo such as
 * `GRAPHQL_MAX_DEPTH=deep` or `AGGREGATE_CACHE_MS=30s` must stop the process at start-up with
 * its name, not switch a limit or a cache off (a comparison with NaN is never true) or leave
 * Node to fail later with a message about something else.
 */
export function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max?: number): number {
  const value = env[name]?.trim();
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || (max !== undefined && n > max)) {
    throw new Error(max === undefined
      ? `${name} must be a whole number ≥ ${min}, not '${value}'`
      : `${name} must be a whole number from ${min} to ${max}, not '${value}'`);
  }
  return n;
}

/** The largest TCP port number. */
export const MAX_PORT = 65_535;

/** A TCP port setting: 0 (any free port, where the process allows it) to 65535. */
export function portNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  return wholeNumber(env, name, fallback, min, MAX_PORT);
}
