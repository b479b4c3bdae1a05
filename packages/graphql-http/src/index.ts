import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext, type ContextThunk } from '@apollo/server';

/**
 * A GraphQL POST whose body is already read and parsed, executed by Apollo Server and its
 * answer written on Node's own response: what an express integration does around
 * `executeHTTPGraphQLRequest`, without express's router, body parser and response helpers,
 * which cost a tenth of the gateway's CPU per request and about 0.25 ms of a department's per
 * fetch. The gateway and every department answer their plain POSTs through it; the body limit
 * and refusals before it are each caller's.
 */
export async function answerGraphQLPost<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>, req: IncomingMessage, res: ServerResponse, body: unknown, context: ContextThunk<TContext>,
): Promise<void> {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const queryAt = req.url!.indexOf('?');
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: 'POST', headers, search: queryAt < 0 ? '' : req.url!.slice(queryAt), body },
    context,
  });
  for (const [name, value] of response.headers) res.setHeader(name, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.setHeader('content-length', Buffer.byteLength(response.body.string));
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

export interface BodyHandlers {
  /** The whole body, no larger than the limit. */
  onBody(raw: Buffer): void;
  /** The body passed the limit: nothing more is kept, and the rest is read and dropped. */
  onTooLarge(): void;
  onError(error: Error): void;
}

/**
 * Reads a request's body up to `maxBytes`, as express.json's limit did: past it, the request
 * is refused once and the rest of the body is drained, so the connection stays usable.
 */
export function readBodyWithin(req: IncomingMessage, maxBytes: number, handlers: BodyHandlers): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let refused = false;
  req.on('data', (chunk: Buffer) => {
    if (refused) return;
    size += chunk.length;
    if (size > maxBytes) {
      refused = true;
      handlers.onTooLarge();
      req.resume();
      return;
    }
    chunks.push(chunk);
  });
  req.on('error', handlers.onError);
  req.on('end', () => {
    if (!refused) handlers.onBody(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
  });
}
