import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, visit, type DocumentNode } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';

/**
 * Cost counts what a query makes the departments fetch: a connection's selection costs once
 * per item asked for (`first`, default 20), so 15 aliased pages of 500 cost what they fetch.
 * (GraphQL Armor's own cost rule is structural and blind to page sizes.)
 */
export const pageEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  if (typeof args.first === 'number') return 1 + childComplexity * Math.max(args.first, 1);
  return undefined;
};

/**
 * The variables a document's cost can depend on: those inside a `first` argument (the page
 * estimator's only input) or an @include/@skip condition (what is selected at all). Every
 * other estimator ignores arguments, so a county or a year asked for changes nothing.
 */
export function costVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  let inside = 0; // how many `first` arguments or conditions the visit is in
  const counts = (name: string) => ['first', 'include', 'skip'].includes(name);
  visit(document, {
    Argument: { enter(node) { if (node.name.value === 'first') inside++; }, leave(node) { if (node.name.value === 'first') inside--; } },
    Directive: { enter(node) { if (counts(node.name.value)) inside++; }, leave(node) { if (counts(node.name.value)) inside--; } },
    Variable(node) { if (inside > 0) names.add(node.name.value); },
  });
  return [...names].sort();
}

/**
 * Costs already worked out, per document (Apollo Server hands the same parsed and validated
 * document to every request with the same query text, and a new one when the schema
 * changes), then per operation name and the values of its cost variables: a dashboard asks
 * the same few page sizes, whatever county or year it asks about. (The other variables are
 * checked against their types by the gateway itself before anything is planned.)
 */
function costMemo(size: number) {
  const byDocument = new WeakMap<DocumentNode, { variables: string[]; costs: Map<string, number> }>();
  return (document: DocumentNode, operationName: string, variables: Record<string, unknown>, compute: () => number): number => {
    if (size <= 0) return compute();
    let known = byDocument.get(document);
    if (!known) byDocument.set(document, (known = { variables: costVariables(document), costs: new Map() }));
    // An absent variable (its default applies) is told apart from one sent as null.
    const key = `${operationName}\n${JSON.stringify(known.variables.filter((name) => name in variables).map((name) => [name, variables[name]]))}`;
    const cost = known.costs.get(key);
    if (cost !== undefined) return cost;
    const computed = compute();
    if (known.costs.size >= size) known.costs.delete(known.costs.keys().next().value!);
    known.costs.set(key, computed);
    return computed;
  };
}

export function queryCostPlugin(maxCost: number, cacheSize = 0): ApolloServerPlugin {
  const memo = costMemo(cacheSize);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let cost: number;
          try {
            cost = memo(document, request.operationName ?? '', request.variables ?? {}, () => getComplexity({
              schema,
              query: document,
              operationName: request.operationName ?? undefined,
              variables: request.variables ?? {},
              estimators: [pageEstimator, simpleEstimator({ defaultComplexity: 1 })],
            }));
          } catch (error) {
            // Costing coerces the variables first: a bad variable is the caller's error, as it would be later.
            throw new GraphQLError((error as Error).message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
          }
          if (cost > maxCost) {
            throw new GraphQLError(`Query cost ${cost} exceeds the limit of ${maxCost}; ask for fewer items per page`, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', cost, maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
