import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  TypeInfo, visit, visitWithTypeInfo, parse, isObjectType, isInterfaceType,
  type GraphQLSchema, type DocumentNode, type GraphQLField,
} from 'graphql';
import {
  GATEWAY_SIGNATURE_HEADER, GatewaySignatureError, verifyGatewaySignature, type GatewayKeySet,
} from '@rg/access';
import type { Logger } from '@rg/observability';

/**
 * The federation channel: what only the gateway may ask a department for. `_entities` resolves
 * representations the caller makes up (a key set, a person key), `_service` is the schema the
 * gateway composes, `@inaccessible` fields exist only to be passed between departments, and a
 * `@requires` field computes from inputs the caller supplies. Called by anyone else they become
 * oracles over another department's registry, so they need the gateway's signature.
 */
const ROOT_CHANNEL_FIELDS = ['_entities', '_service'];
const CHANNEL_DIRECTIVES = ['inaccessible', 'requires'];

/** "Type.field" of every channel field in a subgraph schema, read from the schema's own directives. */
export function federationChannelFields(schema: GraphQLSchema): Set<string> {
  const fields = new Set<string>();
  const query = schema.getQueryType();
  for (const name of ROOT_CHANNEL_FIELDS) if (query?.getFields()[name]) fields.add(`${query.name}.${name}`);
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
      const directives = field.astNode?.directives ?? [];
      if (directives.some((d) => CHANNEL_DIRECTIVES.includes(d.name.value))) fields.add(`${type.name}.${field.name}`);
    }
  }
  return fields;
}

/**
 * The channel fields a document selects, in any operation or fragment (inline or named): the
 * whole document is checked, not just the operation that would run, so no spelling slips past.
 */
export function channelFieldsSelected(schema: GraphQLSchema, document: DocumentNode, channel = federationChannelFields(schema)): string[] {
  const typeInfo = new TypeInfo(schema);
  const found = new Set<string>();
  visit(document, visitWithTypeInfo(typeInfo, {
    Field(node) {
      const parent = typeInfo.getParentType();
      const coordinate = `${parent?.name}.${node.name.value}`;
      if (parent && channel.has(coordinate)) found.add(coordinate);
    },
  }));
  return [...found].sort();
}

/**
 * A request as the guard reads it: its parsed body (and, for a GET, its query), and the exact
 * bytes of the body. Express's requests and the kit's own POST endpoint both have this shape.
 */
export type ChannelRequest = IncomingMessage & { body?: unknown; query?: unknown; rawBody?: Buffer };

/** What comes after the guard: nothing (the request goes on) or an error for the server to answer. */
export type ChannelNext = (error?: unknown) => void;

/** For express.json({ verify }): keeps the exact bytes the signature's body hash covers. */
export function keepRawBody(req: IncomingMessage, _res: unknown, buf: Buffer): void {
  (req as IncomingMessage & { rawBody?: Buffer }).rawBody = buf;
}

function refuse(res: ServerResponse, message: string, extensions: Record<string, unknown>): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED', ...extensions } }] });
  res.writeHead(401, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) }).end(body);
}

function queriesOf(req: ChannelRequest): string[] {
  const bodies = Array.isArray(req.body) ? req.body : [req.method === 'GET' ? req.query : req.body];
  return bodies.map((b) => (b as { query?: unknown } | undefined)?.query).filter((q): q is string => typeof q === 'string');
}

export interface ChannelGuardOptions {
  department: string;
  schema: GraphQLSchema;
  /** The gateway's public keys this department accepts; none = nobody may use the channel. */
  keys?: GatewayKeySet;
  logger: Logger;
}

/**
 * Runs before Apollo, so a refused request reaches no resolver: nothing is read, nothing audited.
 * A signature that is present but wrong is refused for any operation (a misconfigured or forged
 * gateway should be loud); without one, only operations that touch the channel are refused and
 * ordinary root fields go on to the access matrix with the caller's own token.
 */
export function federationChannelGuard(options: ChannelGuardOptions): (req: ChannelRequest, res: ServerResponse, next: ChannelNext) => Promise<void> {
  const channel = federationChannelFields(options.schema);
  const header = 'X-Gateway-Signature';
  return async (req, res, next) => {
    const signature = req.headers[GATEWAY_SIGNATURE_HEADER];
    if (typeof signature === 'string' && signature.length) {
      if (!options.keys) {
        return refuse(res, `Gateway signature refused: the ${options.department} department has no gateway public keys configured (GATEWAY_PUBLIC_KEYS)`, { reason: 'no-keys' });
      }
      if (req.method !== 'POST') return refuse(res, `Gateway signature refused: signed requests must be POSTs`, { reason: 'method' });
      try {
        await verifyGatewaySignature(signature, options.department, req.rawBody ?? '', options.keys);
        return next();
      } catch (error) {
        if (!(error instanceof GatewaySignatureError)) return next(error);
        options.logger.warn({ reason: error.reason }, 'gateway signature refused');
        return refuse(res, `Gateway signature (${header}) refused: ${error.message}`, { reason: error.reason });
      }
    }
    let selected: string[] = [];
    for (const query of queriesOf(req)) {
      let document: DocumentNode;
      try {
        document = parse(query);
      } catch {
        continue; // Apollo answers the parse error itself
      }
      selected = [...new Set([...selected, ...channelFieldsSelected(options.schema, document, channel)])];
    }
    if (!selected.length) return next();
    options.logger.warn({ fields: selected }, 'federation channel refused: no gateway signature');
    return refuse(res,
      `${selected.join(', ')} ${selected.length === 1 ? 'is' : 'are'} answered to the gateway only: the request carries no gateway signature (${header})`,
      { reason: 'missing', fields: selected });
  };
}
