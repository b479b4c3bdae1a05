import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { Logger } from '@rg/observability';
import { AUDIT_RECEIPT_HEADER, AUDIT_REPLAY_PATH, PERSONAL_RECORDS_HEADER } from '@rg/access';
import type { GatewayContext } from './context';
import type { RequestSigner } from './request-signing';
import type { CircuitBreaker } from './circuit-breaker';
import type { DepartmentMetrics, FetchFailure } from './department-metrics';
import { describeFailure, errorsAtPaths } from './department-failure';
import { fieldsLeftNull } from './fields-left-null';
import { isQueryBody, isQueryText, type InFlightFetches } from './fetch-dedup';
import { DepartmentHttp } from './department-http';
import { isEntityFetch, type EntityBatches, type EntityAnswerBody, type SentFetch } from './entity-batching';
import type { AuditReplays } from './audit-replays';

type GraphQLResponse = Awaited<ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']>>;
type FetcherResponse = Awaited<ReturnType<RemoteGraphQLDataSource['fetcher']>>;

/** What watches one department's fetches: its circuit breaker, the gateway's metrics and log. */
export interface DepartmentWatch {
  breaker: CircuitBreaker;
  metrics: DepartmentMetrics;
  logger: Logger;
}

/** The speed mechanisms a data source takes part in (gateway/src/speed.ts). */
export interface FetchSharing {
  /** Identical fetches of the same caller in flight go out once. */
  inFlight?: InFlightFetches;
  /** Told after every mutation sent to a department, so answers that came from it are dropped. */
  departmentWrote?: (department: string) => void;
  /** Entity fetches of the same caller asked at the same moment go out as one. */
  entityBatches?: EntityBatches<FetcherResponse>;
  /** When one caller's personal answers are kept: reads ask for audit receipts, and replays go out from here. */
  auditReplays?: AuditReplays;
}

/**
 * How the gateway talks to one department: the caller's own bearer token goes along (each
 * subgraph verifies it itself), every request has a deadline and goes through the
 * department's circuit breaker, and a failure names the department at each field it left
 * null, so an answer that touched a dead department says which one and where.
 */
export class DepartmentDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly department: string,
    url: string,
    timeoutMs: number,
    private readonly watch: DepartmentWatch,
    signer?: RequestSigner,
    private readonly sharing: FetchSharing = {},
    /** The department's Unix socket on this machine, when it has one: requests go there instead of to the URL's port. */
    socketPath?: string,
  ) {
    const http = new DepartmentHttp(url, socketPath);
    // Signed here, once the body is serialised: the signature hashes the exact body.
    const signedPost = async (body: string, headers: Record<string, string>, fresh = false, path?: string) =>
      http.post(body, { ...headers, ...(await signer?.headersFor(department, body)) }, timeoutMs, fresh, path);
    const replayPath = new URL(url).pathname.replace(/\/graphql\/?$/, '') + AUDIT_REPLAY_PATH;
    sharing.auditReplays?.register(department, async (body, headers) => (await watch.breaker.run(() => signedPost(body, headers, false, replayPath))).ok);
    super({
      url,
      fetcher: ((_input: string, init?: RequestInit) => {
        const body = String(init?.body ?? '');
        const headers = init?.headers as Record<string, string>;
        const attempt = (fresh = false) => signedPost(body, headers, fresh);
        // A kept-alive connection the department closed just as it was reused fails with a
        // TypeError and no answer; a read is sent once more on a fresh one, a write never.
        const send = () => watch.breaker.run(() => (isQueryBody(body)
          ? attempt().catch((error) => { if (error instanceof TypeError) return attempt(true); throw error; })
          : attempt()));
        return sharing.inFlight ? sharing.inFlight.fetch(department, body, headers?.authorization, send) : send();
      }) as unknown as RemoteGraphQLDataSource['fetcher'],
    });
  }

  /**
   * RemoteGraphQLDataSource's process and sendRequest, less the node-fetch objects they build
   * on every fetch only to read back: a Headers for the outgoing headers (set one by one, each
   * validated, then copied out sorted) and a Request (a copy of the body, its headers and URL
   * parsed) handed to hooks this class leaves as they are. The headers are a plain record here;
   * the body (query first), the answer, its errors and the thrown errors are the library's.
   * Left out is the library's last step, narrowing the request's cache policy by each answer's
   * Cache-Control: no department sends one and nothing reads the policy (Apollo's cache-control
   * plugin is off). An entity fetch may go out merged with others of the same caller
   * (entity-batching.ts) and come back as its own part of the merged answer.
   */
  private async fetchAnswer(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GraphQLResponse> {
    const { request, context } = options;
    const headers = this.headersFor(options);
    const { query, http: _, ...withoutQuery } = request;
    const markPersonal = (response: FetcherResponse) => {
      if (context && response.headers.get(PERSONAL_RECORDS_HEADER)) this.notePersonal(context as GatewayContext, response.headers.get(AUDIT_RECEIPT_HEADER));
    };
    if (!query) throw new Error('Missing query');
    const payload = { query, ...withoutQuery };
    const post = async (body: object) => {
      const response = await this.fetcher(this.url!, { method: 'POST', headers, body: JSON.stringify(body) });
      // Before anything else: an answer that failed below may still have shown a person.
      markPersonal(response);
      if (!response.ok) throw await this.errorFromResponse(response);
      const answer = await this.parseBody(response);
      if (typeof answer !== 'object' || answer === null) throw new Error(`Expected JSON response body, but received: ${answer}`);
      return { body: answer as EntityAnswerBody, response };
    };
    const batches = this.sharing.entityBatches;
    const { body, response, acrossRequests }: SentFetch<FetcherResponse> = batches && isEntityFetch(payload)
      ? await batches.fetch(this.department, headers, payload, post, context)
      : await post(payload);
    // A merged fetch went out through one of its requests' `post`: the mark holds for each of them.
    markPersonal(response);
    if (acrossRequests && context) (context as GatewayContext).receiptsIncomplete = true;
    return { ...body, http: response } as GraphQLResponse;
  }

  /**
   * A department's answer showed a person: the answer is kept for no other caller, and for this
   * one only with a receipt from each department that audited it (`none`: it audited nothing).
   */
  private notePersonal(context: GatewayContext, receipt: string | null): void {
    context.personalRecordsRead = true;
    if (!receipt) context.receiptsIncomplete = true;
    else if (receipt !== 'none') {
      const receipts = (context.auditReceipts ??= new Map());
      let ids = receipts.get(this.department);
      if (!ids) receipts.set(this.department, (ids = new Set()));
      ids.add(receipt);
    }
  }

  /**
   * The headers of one fetch: JSON, the caller's own bearer token (each department verifies it
   * itself), the client's operation name (not the planner's "Op__department__n") for the
   * departments' audit trails, and a retried write's Idempotency-Key, whose meaning the
   * department decides.
   */
  private headersFor(options: GraphQLDataSourceProcessOptions<GatewayContext>): Record<string, string> {
    const { request, context } = options;
    const headers: Record<string, string> = {};
    if (request.http?.headers) for (const [name, value] of request.http.headers) headers[name] = value;
    headers['content-type'] = 'application/json';
    if (context?.authorization) headers.authorization = context.authorization;
    const incoming = 'incomingRequestContext' in options ? options.incomingRequestContext : undefined;
    const operationName = incoming?.operationName ?? context?.operationName;
    if (operationName) headers['x-operation-name'] = operationName;
    const idempotencyKey = incoming?.request.http?.headers.get('idempotency-key');
    if (typeof idempotencyKey === 'string') headers['idempotency-key'] = idempotencyKey;
    if (this.sharing.auditReplays && isQueryText(request.query ?? '')) headers[AUDIT_RECEIPT_HEADER] = 'want';
    return headers;
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    // Only fetches for client operations are measured; schema polling is not client traffic.
    const clientFetch = 'incomingRequestContext' in options;
    const done = clientFetch ? this.watch.metrics.startFetch(this.department) : undefined;
    options.context?.departmentsAsked?.add(this.department);
    // A write drops the answers that came from its department when it leaves and again when it
    // is answered (an answer computed meanwhile may predate the commit), whatever the outcome:
    // a write that timed out here may still have committed there.
    const write = clientFetch && !isQueryText(options.request.query ?? '');
    if (write) this.sharing.departmentWrote?.(this.department);
    try {
      return await this.send(options, clientFetch, done);
    } finally {
      if (write) this.sharing.departmentWrote?.(this.department);
    }
  }

  private async send(options: GraphQLDataSourceProcessOptions<GatewayContext>, clientFetch: boolean, done?: (failure?: FetchFailure) => void) {
    try {
      const response = await this.fetchAnswer(options);
      done?.();
      return response;
    } catch (error) {
      const { reason, message } = describeFailure(this.department, error);
      done?.(reason);
      if (reason !== 'circuit_open') this.watch.logger.warn({ department: this.department, reason, err: (error as Error).message }, 'department fetch failed');
      const extensions = { code: 'SUBGRAPH_UNAVAILABLE', department: this.department, reason };
      if (!clientFetch) throw new GraphQLError(message, { extensions });
      const paths = fieldsLeftNull(('document' in options ? options.document : undefined) ?? options.request.query!, options.request.variables);
      return { errors: errorsAtPaths(paths, message, extensions) };
    }
  }
}
