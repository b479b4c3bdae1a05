import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './context';

/**
 * How the gateway talks to one department: the caller's own bearer token goes along (each
 * subgraph verifies it itself), every request has a deadline, and a failure names the
 * department, so an answer that touched a dead department says which one.
 */
export class DepartmentDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(private readonly department: string, url: string, timeoutMs: number) {
    super({
      url,
      fetcher: ((input: string, init?: RequestInit) =>
        fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as unknown as RemoteGraphQLDataSource['fetcher'],
    });
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const { request, context } = options;
    if (context?.authorization) request.http?.headers.set('authorization', context.authorization);
    // The client's operation name (not the planner's "Op__department__n") for the departments' audit trails.
    const incoming = 'incomingRequestContext' in options ? options.incomingRequestContext.operationName : undefined;
    const operationName = incoming ?? context?.operationName;
    if (operationName) request.http?.headers.set('x-operation-name', operationName);
    // A retried write carries its Idempotency-Key to the department, which decides what it means.
    const idempotencyKey = 'incomingRequestContext' in options ? options.incomingRequestContext.request.http?.headers.get('idempotency-key') : undefined;
    if (typeof idempotencyKey === 'string') request.http?.headers.set('idempotency-key', idempotencyKey);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    try {
      return await super.process(options);
    } catch (error) {
      const reason = (error as Error).name === 'TimeoutError' ? 'did not answer in time' : 'is unavailable';
      throw new GraphQLError(`The ${this.department} department ${reason}`, {
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', department: this.department },
      });
    }
  }
}
