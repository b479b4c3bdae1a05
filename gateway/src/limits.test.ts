import { buildSchema, parse } from 'graphql';
import { getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { queryLimitsFromEnv } from './limits';
import { pageEstimator } from './query-cost';
import { gatewayConfigFromEnv } from './config';

describe('gateway configuration', () => {
  it('has documented defaults and reads overrides from the environment', () => {
    expect(queryLimitsFromEnv({})).toEqual({ maxDepth: 12, maxAliases: 15, maxTokens: 2000, maxDirectives: 20, maxCost: 50_000, maxBodyBytes: 65_536 });
    expect(queryLimitsFromEnv({ GRAPHQL_MAX_DEPTH: '6', GRAPHQL_MAX_COST: '900' })).toMatchObject({ maxDepth: 6, maxCost: 900 });
  });

  it('refuses a limit that is not a positive whole number, rather than running without it', () => {
    for (const [name, bad] of [['GRAPHQL_MAX_DEPTH', 'deep'], ['GRAPHQL_MAX_COST', '0'], ['GRAPHQL_MAX_BODY_BYTES', '64kb'], ['GRAPHQL_MAX_ALIASES', '1.5']]) {
      expect(() => queryLimitsFromEnv({ [name]: bad })).toThrow(`${name} must be a whole number ≥ 1, not '${bad}'`);
    }
  });

  it('is in production mode when serving a static supergraph', () => {
    expect(gatewayConfigFromEnv({ SUPERGRAPH_PATH: '/x' }).production).toBe(true);
    expect(gatewayConfigFromEnv({}).production).toBe(false);
    expect(gatewayConfigFromEnv({ HR_URL: 'http://hr:9/graphql' }).subgraphs[0]).toEqual({ name: 'hr', url: 'http://hr:9/graphql' });
    expect(gatewayConfigFromEnv({ CORS_ORIGINS: 'https://a.example, https://b.example' }).corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });

  it('polls the departments for their schemas every SUPERGRAPH_POLL_MS, and refuses a value that is not a positive whole number', () => {
    expect(gatewayConfigFromEnv({}).supergraphPollMs).toBe(10_000);
    expect(gatewayConfigFromEnv({ SUPERGRAPH_POLL_MS: '600000' }).supergraphPollMs).toBe(600_000);
    for (const bad of ['0', '-5', '1.5', 'often']) {
      expect(() => gatewayConfigFromEnv({ SUPERGRAPH_POLL_MS: bad })).toThrow(`SUPERGRAPH_POLL_MS must be a whole number ≥ 1, not '${bad}'`);
    }
  });

  it('takes the department deadline and the port by the same rule: a value that is not a whole number stops the start-up', () => {
    expect(gatewayConfigFromEnv({}).subgraphTimeoutMs).toBe(10_000);
    expect(gatewayConfigFromEnv({ SUBGRAPH_TIMEOUT_MS: '2000' }).subgraphTimeoutMs).toBe(2000);
    // A deadline of NaN ms would have fired at once: every department fetch would have timed out.
    for (const bad of ['0', 'soon', '1.5']) {
      expect(() => gatewayConfigFromEnv({ SUBGRAPH_TIMEOUT_MS: bad })).toThrow(`SUBGRAPH_TIMEOUT_MS must be a whole number ≥ 1, not '${bad}'`);
    }
    expect(gatewayConfigFromEnv({}).port).toBe(4000);
    expect(gatewayConfigFromEnv({ PORT: '4100' }).port).toBe(4100);
    expect(gatewayConfigFromEnv({ GATEWAY_PORT: '4200', PORT: '4100' }).port).toBe(4200);
    expect(gatewayConfigFromEnv({ GATEWAY_PORT: '0' }).port).toBe(0);
    expect(() => gatewayConfigFromEnv({ GATEWAY_PORT: 'http' })).toThrow("GATEWAY_PORT must be a whole number from 0 to 65535, not 'http'");
    expect(() => gatewayConfigFromEnv({ PORT: '-1' })).toThrow("PORT must be a whole number from 0 to 65535, not '-1'");
    expect(() => gatewayConfigFromEnv({ GATEWAY_PORT: '70000' })).toThrow("GATEWAY_PORT must be a whole number from 0 to 65535, not '70000'");
  });
});

describe('query cost', () => {
  const schema = buildSchema(`
    type Query { items(first: Int): Connection! one: Item }
    type Connection { edges: [Edge!]! totalCount: Int! }
    type Edge { node: Item! }
    type Item { id: ID! name: String! children: [Item!]! }`);
  const cost = (query: string) => getComplexity({
    schema, query: parse(query), variables: {}, estimators: [pageEstimator, simpleEstimator({ defaultComplexity: 1 })],
  });

  it('charges a page once per item asked for', () => {
    expect(cost('{ items(first: 10) { edges { node { id name } } } }')).toBe(1 + 10 * 4);
    expect(cost('{ items(first: 500) { edges { node { id name } } } }')).toBe(1 + 500 * 4);
  });

  it('charges plain fields one each', () => {
    expect(cost('{ one { id name children { id } } }')).toBe(5);
  });
});
