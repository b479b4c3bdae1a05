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
  /** UTF-8 bytes the caller already holds for an answer's text (one it serialised once), if any. */
  encoded?: (text: string) => Buffer | undefined,
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
    // Encoded once: Buffer.byteLength and then end(string) would each walk the text in UTF-8,
    // which for a kept answer of 520 scorecards (220 KB) cost as much as serialising it.
    const bytes = encoded?.(response.body.string) ?? Buffer.from(response.body.string);
    res.setHeader('content-length', bytes.length);
    res.end(bytes);
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
