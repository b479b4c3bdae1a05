import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { answerGraphQLPost, readBodyWithin } from '@rg/graphql-http';
import type { GatewayContext } from './context';

/**
 * Whether a request is a plain GraphQL POST the gateway answers without express: JSON to
 * /graphql, in UTF-8, not compressed, and from no browser page (no Origin: CORS has nothing to
 * allow, and such a request still goes through express's cors middleware). Anything else (GET,
 * other bodies, a browser's request) goes through express as before.
 */
export function isPlainGraphQLPost(req: IncomingMessage): boolean {
  const { headers } = req;
  return req.method === 'POST'
    && (req.url === '/graphql' || req.url?.startsWith('/graphql?') === true)
    && /^application\/json\s*(;\s*charset="?utf-8"?\s*)?$/i.test(headers['content-type'] ?? '')
    && headers.origin === undefined
    && (headers['content-encoding'] === undefined || /^identity$/i.test(headers['content-encoding']));
}

export interface GraphQLPostOptions {
  apollo: ApolloServer<GatewayContext>;
  context: (headers: IncomingMessage['headers'], body: { operationName?: unknown }) => Promise<GatewayContext>;
  maxBodyBytes: number;
  /** The UTF-8 bytes already held for an answer's text (a kept answer's), if any. */
  keptBytes?: (text: string) => Buffer | undefined;
  onError: (error: unknown, res: ServerResponse) => void;
}

/** A refusal as the express path words it (gateway-server.ts's error handler). */
function refuse(res: ServerResponse, status: number, message: string): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), vary: 'Origin' }).end(body);
}

/**
 * POST /graphql as express.json, cors and @as-integrations/express5 answered it, without
 * express's router, body parser and response helpers: a dashboard's every request comes
 * this way, and that machinery was a tenth of the gateway's own CPU per varied query. The
 * same body limit, the same refusals of an oversized or malformed body (JSON whose top level
 * is not an object or array included, as express.json's strict mode), the same Vary header
 * cors set, and Apollo's answer written as it was.
 */
export function graphqlPost(options: GraphQLPostOptions) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const declared = Number(req.headers['content-length']);
    if (declared > options.maxBodyBytes) {
      refuse(res, 413, `Request body larger than ${options.maxBodyBytes} bytes`);
      return void req.resume();
    }
    readBodyWithin(req, options.maxBodyBytes, {
      onTooLarge: () => refuse(res, 413, `Request body larger than ${options.maxBodyBytes} bytes`),
      onError: (error) => options.onError(error, res),
      onBody: (raw) => {
        const text = raw.toString('utf8');
        let body: unknown = {};
        if (text.length) {
          try {
            body = JSON.parse(text);
          } catch {
            return refuse(res, 400, 'Malformed request body');
          }
          if (typeof body !== 'object' || body === null) return refuse(res, 400, 'Malformed request body');
        }
        execute(options, req, res, body as Record<string, unknown>).catch((error) => options.onError(error, res));
      },
    });
  };
}

function execute(options: GraphQLPostOptions, req: IncomingMessage, res: ServerResponse, body: Record<string, unknown>): Promise<void> {
  res.setHeader('vary', 'Origin'); // as cors set it on express's path
  return answerGraphQLPost(options.apollo, req, res, body, () => options.context(req.headers, body), options.keptBytes);
}
