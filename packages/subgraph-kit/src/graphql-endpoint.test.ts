import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import gql from 'graphql-tag';
import {
  generateGatewayKeyPair, importGatewayKeySet, importGatewaySigningKey, signGatewayRequest, signGatewayRequests, GATEWAY_SIGNATURE_HEADER,
  type RequestToSign,
} from '@rg/access';
import { createLogger } from '@rg/observability';
import { FEDERATION_LINK } from './federation-schema';
import { federationChannelGuard } from './federation-channel';
import { graphqlEndpoint, isGraphQLPost } from './graphql-endpoint';

/**
 * The kit's POST /graphql over a real HTTP server, a real Apollo server and the real channel
 * guard: what express.json, the guard and the express integration did, without express.
 */
interface Context { caller: string }

const schema = buildSubgraphSchema({
  typeDefs: gql`${FEDERATION_LINK}
    type Card @key(fields: "code") { code: String! total: Int }
    type Query { caller: String! card(code: String!): Card }`,
  resolvers: {
    Query: { caller: (_: unknown, __: unknown, context: unknown) => (context as Context).caller, card: (_: unknown, { code }: { code: string }) => ({ code, total: 7 }) },
    Card: { __resolveReference: ({ code }: { code: string }) => ({ code, total: 7 }) },
  },
});

let server: http.Server;
let url: string;
let apollo: ApolloServer<Context>;
let sign: (body: string) => Promise<string>;
let signTogether: (requests: RequestToSign[]) => Promise<string[]>;
let executed = 0;

beforeAll(async () => {
  const gateway = await generateGatewayKeyPair();
  const keys = await importGatewayKeySet(JSON.stringify({ keys: [gateway.publicJwk] }));
  const signingKey = await importGatewaySigningKey(JSON.stringify(gateway.privateJwk));
  sign = (body) => signGatewayRequest(signingKey, 'hr', body);
  signTogether = (requests) => signGatewayRequests(signingKey, requests);
  apollo = new ApolloServer<Context>({ schema, plugins: [ApolloServerPluginInlineTraceDisabled()] });
  await apollo.start();
  const endpoint = graphqlEndpoint<Context>({
    apollo,
    guard: federationChannelGuard({ department: 'hr', schema, keys, logger: createLogger('hr', { level: 'silent' }) }),
    context: async (req) => {
      executed++;
      return { caller: String(req.headers.authorization ?? 'nobody') };
    },
    maxBodyBytes: 2000,
    onError: (_error, _req, res) => res.writeHead(500).end(),
  });
  server = http.createServer((req, res) => (isGraphQLPost(req) ? endpoint(req, res) : res.writeHead(404).end()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  await apollo.stop();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function post(body: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string | null; json: any }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, type: response.headers.get('content-type'), json: await response.json() };
}

describe('the kit\'s POST /graphql', () => {
  it('answers through Apollo, with the context built from this request', async () => {
    const answer = await post(JSON.stringify({ query: '{ caller card(code: "32") { code total } }' }), { authorization: 'Bearer one' });
    expect(answer).toMatchObject({ status: 200, json: { data: { caller: 'Bearer one', card: { code: '32', total: 7 } } } });
    expect(answer.type).toMatch(/^application\/(graphql-response\+)?json/);
  });

  it('refuses a malformed body and one over the size limit as JSON, before any resolver runs', async () => {
    const before = executed;
    expect(await post('{"query": ')).toMatchObject({ status: 400, json: { errors: [{ extensions: { code: 'BAD_REQUEST' } }] } });
    const oversized = await post(JSON.stringify({ query: `{ caller }${' '.repeat(3000)}` }));
    expect(oversized).toMatchObject({ status: 413, json: { errors: [{ message: 'Request body larger than 2000 bytes' }] } });
    expect(executed).toBe(before);
  });

  it('keeps the federation channel to the gateway: unsigned _entities refused, signed over the exact bytes answered', async () => {
    // Spacing JSON.stringify would not produce: the signature covers the bytes as sent.
    const body = `{ "query": "query($r: [_Any!]!) { _entities(representations: $r) { ... on Card { total } } }",  "variables": { "r": [{ "__typename": "Card", "code": "32" }] } }`;
    const before = executed;
    expect(await post(body)).toMatchObject({ status: 401, json: { errors: [{ extensions: { code: 'UNAUTHENTICATED', reason: 'missing', fields: ['Query._entities'] } }] } });
    expect(await post(body, { [GATEWAY_SIGNATURE_HEADER]: await sign(JSON.stringify(JSON.parse(body))) }))
      .toMatchObject({ status: 401, json: { errors: [{ extensions: { reason: 'body' } }] } });
    expect(executed).toBe(before);
    expect(await post(body, { [GATEWAY_SIGNATURE_HEADER]: await sign(body) })).toMatchObject({ status: 200, json: { data: { _entities: [{ total: 7 }] } } });
  });

  it('answers _entities under a signature shared with requests to other departments, each entry for its own body only', async () => {
    const body = JSON.stringify({ query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Card { total } } }', variables: { r: [{ __typename: 'Card', code: '32' }] } });
    const other = JSON.stringify({ query: '{ _service { sdl } }' });
    const [forPoverty, forHr, forHrOther] = await signTogether([{ department: 'poverty', body }, { department: 'hr', body }, { department: 'hr', body: other }]);
    const before = executed;
    expect(await post(body, { [GATEWAY_SIGNATURE_HEADER]: forPoverty })).toMatchObject({ status: 401, json: { errors: [{ extensions: { reason: 'body' } }] } });
    expect(await post(body, { [GATEWAY_SIGNATURE_HEADER]: forHrOther })).toMatchObject({ status: 401, json: { errors: [{ extensions: { reason: 'body' } }] } });
    expect(executed).toBe(before);
    expect(await post(body, { [GATEWAY_SIGNATURE_HEADER]: forHr })).toMatchObject({ status: 200, json: { data: { _entities: [{ total: 7 }] } } });
  });

  it('takes only POSTs of JSON to /graphql; everything else is left to express', () => {
    const request = (method: string, path: string, type?: string) => ({ method, url: path, headers: type ? { 'content-type': type } : {} }) as http.IncomingMessage;
    expect(isGraphQLPost(request('POST', '/graphql', 'application/json'))).toBe(true);
    expect(isGraphQLPost(request('POST', '/graphql?x=1', 'application/json; charset=utf-8'))).toBe(true);
    expect(isGraphQLPost(request('GET', '/graphql'))).toBe(false);
    expect(isGraphQLPost(request('POST', '/graphql', 'text/plain'))).toBe(false);
    expect(isGraphQLPost(request('POST', '/graphqlx', 'application/json'))).toBe(false);
    expect(isGraphQLPost(request('POST', '/import/trainees', 'application/json'))).toBe(false);
  });
});
