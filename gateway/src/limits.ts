import { ApolloArmor } from '@escape.tech/graphql-armor';
import { wholeNumber } from '@rg/settings';

/**
 * Query limits, from configuration with defaults sized for the analysts' real queries
 * (README "Query limits"): the deepest documented query nests 9 levels; a page of 500
 * trainees with all their cross-department fields costs about 15,000.
 */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
  maxCost: number;
  maxBodyBytes: number;
}

export function queryLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): QueryLimits {
  return {
    maxDepth: wholeNumber(env, 'GRAPHQL_MAX_DEPTH', 12, 1),
    maxAliases: wholeNumber(env, 'GRAPHQL_MAX_ALIASES', 15, 1),
    maxTokens: wholeNumber(env, 'GRAPHQL_MAX_TOKENS', 2000, 1),
    maxDirectives: wholeNumber(env, 'GRAPHQL_MAX_DIRECTIVES', 20, 1),
    maxCost: wholeNumber(env, 'GRAPHQL_MAX_COST', 50_000, 1),
    maxBodyBytes: wholeNumber(env, 'GRAPHQL_MAX_BODY_BYTES', 64 * 1024, 1),
  };
}

/** GraphQL Armor's protections for Apollo Server: plugins, validation rules, no batched arrays. */
export function armor(limits: QueryLimits) {
  return new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: limits.maxAliases },
    maxTokens: { n: limits.maxTokens },
    maxDirectives: { n: limits.maxDirectives },
    costLimit: { enabled: false }, // replaced by the page-aware cost of query-cost.ts
    blockFieldSuggestion: { enabled: true },
  }).protect();
}
