/**
 * A whole-number setting from the environment: its default when unset or empty, otherwise the
 * number it spells, refused with the setting's name when it is not a whole number of at least
 * `min`. One rule for every numeric setting of the gateway: `GRAPHQL_MAX_DEPTH=deep` must stop
 * the gateway at start-up, not switch the limit off (a comparison with NaN is never true).
 */
export function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const value = env[name]?.trim();
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number ≥ ${min}, not '${value}'`);
  return n;
}
