import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { answerGraphQLPost, readBodyWithin } from '@rg/graphql-http';
import type { ChannelNext, ChannelRequest } from './federation-channel';

/** Whether a request is one the endpoint takes: a POST of JSON to /graphql (the gateway's every fetch). */
export function isGraphQLPost(req: IncomingMessage): boolean {
  return req.method === 'POST'
    && (req.url === '/graphql' || req.url?.startsWith('/graphql?') === true)
    && /^application\/json\b/i.test(req.headers['content-type'] ?? '');
}

export interface GraphQLEndpointOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  /** Runs before Apollo with the parsed body and its exact bytes; answers the request itself when it refuses it. */
  guard: (req: ChannelRequest, res: ServerResponse, next: ChannelNext) => Promise<void>;
  context: (req: ChannelRequest) => Promise<TContext>;
  maxBodyBytes: number;
  /** An error the endpoint does not answer itself (as express's error handler would receive it). */
  onError: (error: unknown, req: IncomingMessage, res: ServerResponse) => void;
}

function answer(res: ServerResponse, status: number, message: string, code: string): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) }).end(body);
}

/**
 * POST /graphql without express: the body read and parsed, the federation channel's guard,
 * Apollo, and the answer written. Every fetch of the gateway arrives here, several per client
 * request, and express's router, body parser and response helpers cost about 0.25 ms of CPU
 * per request on this machine, more than the rest of the HTTP handling. What it does is what
 * express.json, the guard and @as-integrations/express5 did; anything else (GET, other bodies,
 * /health, /metrics, imports) still goes through express.
 */
export function graphqlEndpoint<TContext extends BaseContext>(options: GraphQLEndpointOptions<TContext>) {
  return (req: ChannelRequest, res: ServerResponse): void => {
    readBodyWithin(req, options.maxBodyBytes, {
      onTooLarge: () => answer(res, 413, `Request body larger than ${options.maxBodyBytes} bytes`, 'BAD_REQUEST'),
      onError: (error) => options.onError(error, req, res),
      onBody: (raw) => {
        try {
          req.body = JSON.parse(raw.toString('utf8'));
        } catch {
          return answer(res, 400, 'Malformed request body: not JSON', 'BAD_REQUEST');
        }
        req.rawBody = raw;
        void options.guard(req, res, (error) => {
          if (error) return options.onError(error, req, res);
          execute(options, req, res).catch((failure) => options.onError(failure, req, res));
        });
      },
    });
  };
}

function execute<TContext extends BaseContext>(options: GraphQLEndpointOptions<TContext>, req: ChannelRequest, res: ServerResponse): Promise<void> {
  return answerGraphQLPost(options.apollo, req, res, req.body, () => options.context(req));
}
