const PACKAGE = '@apollo/federation-internals';
const PLAIN = Symbol.for('returnee-graph: plain federation exports');

/**
 * @apollo/federation-internals re-exports its modules through TypeScript's `__exportStar`:
 * every name on the package is a getter that looks the value up again in its module
 * (`m[k]`), one getter body shared by hundreds of names, so the lookup inside it is
 * megamorphic. @apollo/gateway's result shaping reads several of those names (`assert`,
 * `typenameFieldName`, `isSubtype` …) for every field of every answer: on varied query 2 the
 * getters were about 3 % of the gateway's CPU, and replacing them cut its CPU per request by
 * that much (1.02–1.04 → 0.99–1.00 ms, `bench:load:profile`, alternated runs).
 *
 * The package's names are copied once into plain data properties, and that copy is what
 * `require` hands every module loaded afterwards (@apollo/gateway, the query planner,
 * composition), through Node's module cache. The package's modules assign their exports when
 * they load and never again, so the copy holds what the getters would return; it is taken
 * after rememberOperations() replaced operationFromDocument in its module, so it holds the
 * remembering one. It only helps modules loaded after it: main.ts loads preload.ts first.
 * Where modules are not in Node's cache (under jest), nothing is replaced.
 */
export function plainFederationExports(): void {
  const id = require.resolve(PACKAGE);
  const live = require(id) as Record<string | symbol, unknown>;
  const cached = require.cache[id];
  if (live[PLAIN] || !cached || cached.exports !== live) return;
  const plain: Record<string | symbol, unknown> = {};
  for (const name of Object.keys(live)) plain[name] = live[name];
  Object.defineProperty(plain, '__esModule', { value: true });
  Object.defineProperty(plain, PLAIN, { value: true });
  cached.exports = plain;
}
