import * as operations from '@apollo/federation-internals/dist/operations';
import type { DefinitionNode } from 'graphql';

type Build = typeof operations.operationFromDocument;
type Schema = Parameters<Build>[0];
type Operation = ReturnType<Build>;

interface Remembered {
  definitions: readonly DefinitionNode[];
  operationName?: string;
  operation: Operation;
}

const INSTALLED = Symbol('operations remembered');

/**
 * @apollo/gateway's executeQueryPlan turns the client's operation into federation's Operation
 * on every request (operationFromDocument, unvalidated), only to shape the answer by it. Apollo
 * Server hands the gateway the same parsed document for the same query text, and the Operation
 * depends on nothing else than that document's definitions and the schema: it was about 70 µs
 * of the gateway's CPU per request of query 2 (4 %). The gateway's unvalidated calls are
 * answered from what was built before for the same schema and the same definition objects;
 * every other call (the query planner's, which validates) is left as it was. The Operation is
 * only read afterwards (result shaping, @skip/@include conditions), never changed. Entries are
 * held weakly by the schema and the definitions, so they go when those go (a new supergraph,
 * a document Apollo's cache dropped).
 *
 * executeQueryPlan reads the function from the module's exports at every call, which is why
 * replacing it there reaches it; @apollo/gateway is pinned and the test beside this file says
 * whether that still holds.
 */
export function rememberOperations(): void {
  const built = operations.operationFromDocument as Build & { [INSTALLED]?: true };
  if (built[INSTALLED]) return;
  const bySchema = new WeakMap<Schema, WeakMap<DefinitionNode, Remembered[]>>();
  const remembering: Build = (schema, document, options) => {
    const [first] = document.definitions;
    if (options?.validate !== false || !first) return built(schema, document, options);
    let byDefinition = bySchema.get(schema);
    if (!byDefinition) bySchema.set(schema, (byDefinition = new WeakMap()));
    let remembered = byDefinition.get(first);
    if (!remembered) byDefinition.set(first, (remembered = []));
    const same = remembered.find((entry) => entry.operationName === options.operationName
      && entry.definitions.length === document.definitions.length
      && entry.definitions.every((definition, i) => definition === document.definitions[i]));
    if (same) return same.operation;
    const operation = built(schema, document, options);
    remembered.push({ definitions: [...document.definitions], operationName: options.operationName, operation });
    return operation;
  };
  Object.assign(remembering, { [INSTALLED]: true });
  (operations as { operationFromDocument: Build }).operationFromDocument = remembering;
}
