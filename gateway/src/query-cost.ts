import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type DocumentNode } from 'graphql';
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
 * Costs already worked out, per document (Apollo Server hands the same parsed and validated
 * document to every request with the same query text, and a new one when the schema
 * changes), then per operation name and variables: a dashboard asks the same few.
 */
function costMemo(size: number) {
  const byDocument = new WeakMap<DocumentNode, Map<string, number>>();
  return (document: DocumentNode, key: string, compute: () => number): number => {
    if (size <= 0) return compute();
    let costs = byDocument.get(document);
    if (!costs) byDocument.set(document, (costs = new Map()));
    const known = costs.get(key);
    if (known !== undefined) return known;
    const cost = compute();
    if (costs.size >= size) costs.delete(costs.keys().next().value!);
    costs.set(key, cost);
    return cost;
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
            cost = memo(document, `${request.operationName ?? ''}\n${JSON.stringify(request.variables ?? {})}`, () => getComplexity({
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
