import { buildSchema, parse, GraphQLError, type DocumentNode } from 'graphql';
import type { GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import { costVariables, queryCostPlugin } from './query-cost';

const schema = buildSchema(`
  type Query { items(first: Int, county: String): Connection! one(id: ID): Item }
  type Connection { edges: [Edge!]! totalCount: Int! }
  type Edge { node: Item! }
  type Item { id: ID! name: String! children(first: Int): [Item!]! }`);

const PAGE = `query Page($county: String, $first: Int = 20, $deep: Boolean!, $size: Int) {
  items(county: $county, first: $first) { edges { node { id ...More @include(if: $deep) } } }
}
fragment More on Item { name children(first: $size) { id } }`;

/** The cost plugin's verdict on one request: its cost when over the limit, or undefined when let through. */
async function verdict(plugin: ReturnType<typeof queryCostPlugin>, document: DocumentNode, variables: Record<string, unknown>) {
  const hooks = await plugin.requestDidStart!({} as never);
  try {
    await hooks!.didResolveOperation!({ request: { operationName: 'Page', variables }, document, schema } as unknown as GraphQLRequestContextDidResolveOperation<never>);
    return undefined;
  } catch (error) {
    return (error as GraphQLError).extensions;
  }
}

describe('query cost, remembered per page size', () => {
  it('names the variables a cost can depend on: pages and conditions, wherever they are', () => {
    expect(costVariables(parse(PAGE))).toEqual(['deep', 'first', 'size']);
  });

  it('answers as a fresh costing would, for every page size, condition and default', async () => {
    const document = parse(PAGE);
    const remembered = queryCostPlugin(3000, 64);
    const fresh = queryCostPlugin(3000, 0);
    const cases: Array<Record<string, unknown>> = [];
    for (const county of ['320321', '320322', '320381']) {
      for (const first of [10, 500, undefined, null]) {
        for (const deep of [true, false]) cases.push({ county, deep, size: 7, ...(first === undefined ? {} : { first }) });
      }
    }
    for (const variables of cases) expect(await verdict(remembered, document, variables)).toEqual(await verdict(fresh, document, variables));
    // 500 items refused whatever the county; 10 let through; and the default of 20 is not mistaken for null
    expect(await verdict(remembered, document, { county: '320999', first: 500, deep: true, size: 7 })).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', cost: 1 + 500 * (1 + 1 + 1 + 1 + 1 + 7) });
    expect(await verdict(remembered, document, { county: '320999', first: 10, deep: true, size: 7 })).toBeUndefined();
    expect(await verdict(remembered, document, { county: '320999', deep: true, size: 200 })).toMatchObject({ cost: 1 + 20 * (1 + 1 + 1 + 1 + 1 + 200) });
  });

  it('still refuses a malformed cost variable as the caller\'s error', async () => {
    expect(await verdict(queryCostPlugin(3000, 64), parse(PAGE), { first: 'many', deep: true })).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
