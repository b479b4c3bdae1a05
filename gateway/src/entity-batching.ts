/**
 * Entity fetches of the same caller merged across concurrent client requests. A department
 * spends most of its CPU per fetch on what does not depend on how many records it is asked
 * for (its GraphQL pipeline, the gateway's signature, query building, one audit statement),
 * so when several requests of one caller each send an `_entities` fetch with the same text to
 * the same department at the same moment, one fetch carrying all their representations goes
 * out and its answer is split back by offsets.
 *
 * What may merge: reads only, the same department, the same headers (the caller's
 * Authorization and the forwarded operation name: what the department audits — subject, role,
 * operation — is the same for each part), the same extensions, and either the same query
 * text, operation name and variables other than `representations`, or texts of the planner's
 * plain shape (no variable but the representations), which go out as one operation with each
 * text under its own alias (entity-fetch-texts.ts): the fetches one request's plan sends a
 * department at several paths at once, or several requests' different plans. One caller's
 * answer never reaches another: the caller is part of the key. The department still audits
 * every record it reads, once per fetch it receives.
 */

import { isQueryText } from './fetch-dedup';
import { combinedEntityText, combinedEntityVariables, entitySelection, splitCombinedAnswer } from './entity-fetch-texts';

/** An `_entities` fetch as the data source is about to send it. */
export interface EntityFetch {
  query: string;
  operationName?: string;
  variables: Record<string, unknown> & { representations: unknown[] };
  extensions?: Record<string, unknown>;
}

interface AnswerError {
  message: string;
  path?: ReadonlyArray<string | number>;
  [member: string]: unknown;
}

/** A department's parsed GraphQL answer. */
export interface EntityAnswerBody {
  data?: { _entities?: unknown } | null;
  errors?: AnswerError[];
  extensions?: Record<string, unknown>;
  [member: string]: unknown;
}

/** What sending a fetch yields: its parsed body and the transport's response, which parts share. */
export interface SentFetch<R> {
  body: EntityAnswerBody;
  response: R;
  /** The fetch went out merged with another client request's: what the department recorded covers both. */
  acrossRequests?: boolean;
}

/** A read (not a mutation) whose variables carry the representations of the records asked for. */
export function isEntityFetch(request: { query?: string; variables?: Record<string, unknown> }): request is EntityFetch {
  return !!request.query && isQueryText(request.query) && Array.isArray(request.variables?.representations);
}

/** The fetches as one: their representations one after another, the rest as the first's (the key made them equal). */
export function mergeEntityFetches(fetches: EntityFetch[]): EntityFetch {
  const [first] = fetches;
  if (fetches.length === 1) return first;
  return { ...first, variables: { ...first.variables, representations: fetches.flatMap((fetch) => fetch.variables.representations) } };
}

/**
 * A merged answer split back into one answer per fetch, given how many representations each
 * fetch had: each gets its slice of `_entities`; an error whose path names an entity goes to
 * the fetch that asked for it, re-indexed; any other error goes to every fetch.
 */
export function splitEntityAnswer(body: EntityAnswerBody, counts: number[]): EntityAnswerBody[] {
  if (counts.length === 1) return [body];
  const total = counts.reduce((sum, n) => sum + n, 0);
  const entities = body.data?._entities;
  if (Array.isArray(entities) && entities.length !== total) {
    throw new Error(`the department answered ${entities.length} entities for ${total} representations`);
  }
  const offsets: number[] = [];
  counts.reduce((offset, n) => (offsets.push(offset), offset + n), 0);
  const owner = (index: number) => offsets.findIndex((offset, i) => index >= offset && index < offset + counts[i]);
  const errors: AnswerError[][] = counts.map(() => []);
  for (const error of body.errors ?? []) {
    const index = error.path?.[0] === '_entities' && typeof error.path[1] === 'number' ? owner(error.path[1]) : -1;
    if (index >= 0) errors[index].push({ ...error, path: ['_entities', (error.path![1] as number) - offsets[index], ...error.path!.slice(2)] });
    else errors.forEach((list) => list.push(structuredClone(error)));
  }
  return counts.map((n, i) => {
    const part: EntityAnswerBody = { ...body };
    if (Array.isArray(entities)) part.data = { ...body.data, _entities: entities.slice(offsets[i], offsets[i] + n) };
    else part.data = body.data === undefined ? undefined : structuredClone(body.data);
    if (body.errors) part.errors = errors[i];
    if (body.extensions) part.extensions = structuredClone(body.extensions);
    return part;
  });
}

export interface EntityBatchSettings {
  /** Most representations one merged fetch carries; a fetch alone over it goes out alone. */
  maxRepresentations: number;
  /**
   * How many fetches with one key may be in flight at once (0: no limit). Over it, new ones
   * wait for one to finish and then go out together; under it, those asked in the same turn
   * of the event loop go out together at the end of that turn.
   */
  maxInFlight: number;
}

/** What goes out: an entity fetch as asked, several merged, or several texts combined under aliases. */
export type OutgoingFetch = Omit<EntityFetch, 'variables'> & { variables: Record<string, unknown> };

type Send<R> = (fetch: OutgoingFetch) => Promise<SentFetch<R>>;

interface Waiting<R> {
  fetch: EntityFetch;
  /** The client request that asked (its context): parts of one request may merge without being shared. */
  requester: unknown;
  send: Send<R>;
  resolve: (sent: SentFetch<R>) => void;
  reject: (error: unknown) => void;
}

interface Batch<R> {
  waiting: Waiting<R>[];
  inFlight: number;
  scheduled: boolean;
}

/** Told of every entity fetch sent: how many client fetches it carried and how many representations. */
export type OnEntityFetchSent = (department: string, fetches: number, representations: number) => void;

export class EntityBatches<R> {
  private readonly batches = new Map<string, Batch<R>>();

  constructor(private readonly settings: EntityBatchSettings, private readonly onSent: OnEntityFetchSent = () => {}) {}

  /**
   * Sends `fetch` with any others of the same key asked meanwhile; resolves to this fetch's own
   * part of the answer. `headers` are those the fetch goes out with (the caller's among them);
   * `requester` tells one client request from another.
   */
  fetch(department: string, headers: Record<string, string>, fetch: EntityFetch, send: Send<R>, requester?: unknown): Promise<SentFetch<R>> {
    const key = batchKey(department, headers, fetch);
    let batch = this.batches.get(key);
    if (!batch) this.batches.set(key, (batch = { waiting: [], inFlight: 0, scheduled: false }));
    const answer = new Promise<SentFetch<R>>((resolve, reject) => batch.waiting.push({ fetch, requester, send, resolve, reject }));
    if (!batch.scheduled && this.mayStart(batch)) {
      batch.scheduled = true;
      setImmediate(() => {
        batch.scheduled = false;
        this.startWaiting(department, key, batch);
      });
    }
    return answer;
  }

  private mayStart(batch: Batch<R>): boolean {
    return this.settings.maxInFlight === 0 || batch.inFlight < this.settings.maxInFlight;
  }

  private startWaiting(department: string, key: string, batch: Batch<R>): void {
    while (batch.waiting.length && this.mayStart(batch)) this.start(department, key, batch, this.takeParts(batch));
    if (!batch.waiting.length && !batch.inFlight && !batch.scheduled) this.batches.delete(key);
  }

  /** The waiting fetches, in order, up to the representation limit (at least one). */
  private takeParts(batch: Batch<R>): Waiting<R>[] {
    let representations = 0;
    let n = 0;
    for (const part of batch.waiting) {
      const count = part.fetch.variables.representations.length;
      if (n > 0 && representations + count > this.settings.maxRepresentations) break;
      representations += count;
      n++;
    }
    return batch.waiting.splice(0, n);
  }

  private start(department: string, key: string, batch: Batch<R>, parts: Waiting<R>[]): void {
    batch.inFlight++;
    // The parts by text, in order: one text goes out as it is, several under their aliases.
    const byText = new Map<string, Waiting<R>[]>();
    for (const part of parts) {
      const same = byText.get(part.fetch.query);
      if (same) same.push(part);
      else byText.set(part.fetch.query, [part]);
    }
    const groups = [...byText.values()];
    const merged = groups.map((group) => mergeEntityFetches(group.map((part) => part.fetch)));
    const sent: OutgoingFetch = merged.length === 1 ? merged[0] : {
      ...merged[0],
      query: combinedEntityText(merged[0].operationName, merged.map((fetch) => fetch.query)),
      variables: combinedEntityVariables(merged.map((fetch) => fetch.variables.representations)),
    };
    this.onSent(department, parts.length, merged.reduce((sum, fetch) => sum + fetch.variables.representations.length, 0));
    // Any part's way of sending will do: the key made them equal. The batch is settled before
    // the parts are answered, so what their requests ask next finds it as it now is.
    const settled = () => {
      batch.inFlight--;
      this.startWaiting(department, key, batch);
    };
    parts[0].send(sent).then(
      ({ body, response }) => {
        settled();
        const answers = new Map<Waiting<R>, EntityAnswerBody>();
        try {
          const byGroup = groups.length === 1 ? [body] : splitCombinedAnswer(body, groups.length);
          groups.forEach((group, g) => {
            const bodies = splitEntityAnswer(byGroup[g], group.map((part) => part.fetch.variables.representations.length));
            group.forEach((part, i) => answers.set(part, bodies[i]));
          });
        } catch (error) {
          parts.forEach((part) => part.reject(error));
          return;
        }
        const acrossRequests = parts.some((part) => part.requester !== parts[0].requester);
        parts.forEach((part) => part.resolve({ body: answers.get(part)!, response, acrossRequests }));
      },
      (error) => {
        settled();
        parts.forEach((part) => part.reject(error));
      },
    );
  }
}

/**
 * What fetches must share to go out together: the department, the headers, the extensions,
 * and, unless the text is of the plain shape that combines under aliases, the text, the
 * operation name and the variables besides the representations.
 */
function batchKey(department: string, headers: Record<string, string>, fetch: EntityFetch): string {
  const sortedHeaders = Object.keys(headers).sort().map((name) => `${name}: ${headers[name]}`).join('\n');
  const shared = `${department}\n${sortedHeaders}\n\n${fetch.extensions ? JSON.stringify(fetch.extensions) : ''}`;
  const { representations: _, ...otherVariables } = fetch.variables;
  const combines = Object.keys(otherVariables).length === 0 && entitySelection(fetch.query) !== undefined;
  return combines ? `${shared}\n*` : `${shared}\n${fetch.operationName ?? ''}\n${JSON.stringify(otherVariables)}\n${fetch.query}`;
}
