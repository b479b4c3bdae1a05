import { EntityBatches, isEntityFetch, mergeEntityFetches, splitEntityAnswer, type EntityAnswerBody, type EntityFetch, type SentFetch } from './entity-batching';

const QUERY = 'query Q__poverty__1($representations:[_Any!]!){_entities(representations:$representations){...on Trainee{povertyHousehold{cause}}}}';
const entityFetch = (...keys: string[]): EntityFetch => ({ query: QUERY, variables: { representations: keys.map((personKey) => ({ __typename: 'Trainee', personKey })) } });
const keysOf = (fetch: EntityFetch) => fetch.variables.representations.map((r) => (r as { personKey: string }).personKey);

/** A department that answers each representation with its own key, and records what it was sent. */
function department(options: { failOn?: string; errorAt?: string; until?: Promise<void> } = {}) {
  const sent: EntityFetch[] = [];
  const send = async (fetch: EntityFetch): Promise<SentFetch<string>> => {
    sent.push(fetch);
    await (options.until ?? new Promise((resolve) => setTimeout(resolve, 5)));
    const keys = keysOf(fetch);
    if (keys.includes(options.failOn ?? '')) throw new TypeError('fetch failed: connection reset');
    const errors = keys.flatMap((key, i) => (key === options.errorAt ? [{ message: `no household for ${key}`, path: ['_entities', i, 'povertyHousehold'] }] : []));
    return { body: { data: { _entities: keys.map((key) => ({ povertyHousehold: { cause: key } })) }, ...(errors.length ? { errors } : {}) }, response: `response ${sent.length}` };
  };
  return { sent, send };
}

const HEADERS = { authorization: 'Bearer alice', 'x-operation-name': 'PoorTrainees' };

describe('which fetches may merge', () => {
  it('takes reads with representations, never a mutation or a fetch without them', () => {
    expect(isEntityFetch(entityFetch('a'))).toBe(true);
    expect(isEntityFetch({ query: `  ${QUERY}`, variables: { representations: [] } })).toBe(true);
    expect(isEntityFetch({ query: 'mutation M($representations:[_Any!]!){ x }', variables: { representations: [] } })).toBe(false);
    expect(isEntityFetch({ query: '{ trainees(first: 2) { totalCount } }', variables: {} })).toBe(false);
    expect(isEntityFetch({ query: QUERY })).toBe(false);
  });
});

describe('merging and splitting', () => {
  it('concatenates the representations and keeps the rest of the first fetch', () => {
    const merged = mergeEntityFetches([entityFetch('a', 'b'), entityFetch('c')]);
    expect(keysOf(merged)).toEqual(['a', 'b', 'c']);
    expect(merged.query).toBe(QUERY);
  });

  it('gives each fetch its slice of _entities and the errors of its own entities, re-indexed', () => {
    const body: EntityAnswerBody = {
      data: { _entities: [{ n: 0 }, { n: 1 }, { n: 2 }, { n: 3 }] },
      errors: [
        { message: 'second part, its first entity', path: ['_entities', 2, 'povertyHousehold'], extensions: { code: 'FORBIDDEN' } },
        { message: 'first part, its second entity', path: ['_entities', 1] },
        { message: 'whole fetch', extensions: { code: 'INTERNAL' } },
      ],
      extensions: { note: 'x' },
    };
    const [first, second, third] = splitEntityAnswer(body, [2, 2, 0]);
    expect(first.data).toEqual({ _entities: [{ n: 0 }, { n: 1 }] });
    expect(second.data).toEqual({ _entities: [{ n: 2 }, { n: 3 }] });
    expect(third.data).toEqual({ _entities: [] });
    expect(first.errors).toEqual([{ message: 'first part, its second entity', path: ['_entities', 1] }, { message: 'whole fetch', extensions: { code: 'INTERNAL' } }]);
    expect(second.errors).toEqual([
      { message: 'second part, its first entity', path: ['_entities', 0, 'povertyHousehold'], extensions: { code: 'FORBIDDEN' } },
      { message: 'whole fetch', extensions: { code: 'INTERNAL' } },
    ]);
    expect(third.errors).toEqual([{ message: 'whole fetch', extensions: { code: 'INTERNAL' } }]);
    // No two parts share an error or extensions object: each request owns its answer.
    expect(first.errors![1]).not.toBe(second.errors![1]);
    expect(first.extensions).toEqual({ note: 'x' });
    expect(first.extensions).not.toBe(second.extensions);
  });

  it('gives every fetch a null answer with its errors, and refuses an answer of the wrong length', () => {
    const [a, b] = splitEntityAnswer({ data: null, errors: [{ message: 'down' }] }, [1, 3]);
    expect(a).toEqual({ data: null, errors: [{ message: 'down' }] });
    expect(b).toEqual({ data: null, errors: [{ message: 'down' }] });
    expect(() => splitEntityAnswer({ data: { _entities: [{}, {}] } }, [1, 2])).toThrow('the department answered 2 entities for 3 representations');
  });
});

describe('entity batches', () => {
  it('sends the fetches of one caller asked in the same turn as one, and answers each with its own part', async () => {
    const { sent, send } = department();
    const reported: number[][] = [];
    const batches = new EntityBatches<string>({ maxRepresentations: 100, maxInFlight: 0 }, (_d, fetches, representations) => reported.push([fetches, representations]));
    const answers = await Promise.all([entityFetch('a', 'b'), entityFetch('c'), entityFetch('d', 'e', 'f')].map((fetch) => batches.fetch('poverty', HEADERS, fetch, send)));
    expect(sent).toHaveLength(1);
    expect(keysOf(sent[0])).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(answers.map((answer) => answer.body.data)).toEqual([
      { _entities: [{ povertyHousehold: { cause: 'a' } }, { povertyHousehold: { cause: 'b' } }] },
      { _entities: [{ povertyHousehold: { cause: 'c' } }] },
      { _entities: [{ povertyHousehold: { cause: 'd' } }, { povertyHousehold: { cause: 'e' } }, { povertyHousehold: { cause: 'f' } }] },
    ]);
    expect(reported).toEqual([[3, 6]]);
  });

  it('never merges fetches of different callers, operations, departments or texts', async () => {
    const { sent, send } = department();
    const batches = new EntityBatches<string>({ maxRepresentations: 100, maxInFlight: 0 });
    const other = { ...entityFetch('e'), query: QUERY.replace('cause', 'exited') };
    const withVariable = { ...entityFetch('f'), variables: { ...entityFetch('f').variables, year: 2019 } };
    const answers = await Promise.all([
      batches.fetch('poverty', HEADERS, entityFetch('a'), send),
      batches.fetch('poverty', { ...HEADERS, authorization: 'Bearer bob' }, entityFetch('b'), send),
      batches.fetch('poverty', { ...HEADERS, 'x-operation-name': 'Other' }, entityFetch('c'), send),
      batches.fetch('agriculture', HEADERS, entityFetch('d'), send),
      batches.fetch('poverty', HEADERS, other, send),
      batches.fetch('poverty', HEADERS, withVariable, send),
    ]);
    expect(sent.map(keysOf)).toEqual([['a'], ['b'], ['c'], ['d'], ['e'], ['f']]);
    expect(answers.map((answer) => answer.body.data)).toEqual(['a', 'b', 'c', 'd', 'e', 'f'].map((key) => ({ _entities: [{ povertyHousehold: { cause: key } }] })));
  });

  it('keeps a merged fetch within the representation limit, a larger fetch alone', async () => {
    const { sent, send } = department();
    const batches = new EntityBatches<string>({ maxRepresentations: 3, maxInFlight: 0 });
    await Promise.all([entityFetch('a', 'b'), entityFetch('c'), entityFetch('d', 'e'), entityFetch('f', 'g', 'h', 'i'), entityFetch('j')].map((fetch) => batches.fetch('poverty', HEADERS, fetch, send)));
    expect(sent.map(keysOf)).toEqual([['a', 'b', 'c'], ['d', 'e'], ['f', 'g', 'h', 'i'], ['j']]);
  });

  it('maps an entity error to the request that asked for it, and a failed fetch fails every part', async () => {
    const { send } = department({ errorAt: 'c' });
    const batches = new EntityBatches<string>({ maxRepresentations: 100, maxInFlight: 0 });
    const [first, second] = await Promise.all([entityFetch('a', 'b'), entityFetch('c', 'd')].map((fetch) => batches.fetch('poverty', HEADERS, fetch, send)));
    expect(first.body.errors).toEqual([]);
    expect(second.body.errors).toEqual([{ message: 'no household for c', path: ['_entities', 0, 'povertyHousehold'] }]);

    const failing = department({ failOn: 'x' });
    const outcomes = await Promise.allSettled([entityFetch('x'), entityFetch('y')].map((fetch) => batches.fetch('poverty', HEADERS, fetch, failing.send)));
    expect(failing.sent).toHaveLength(1);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
  });

  it('with a limit in flight, holds fetches asked meanwhile and sends them together when one finishes', async () => {
    let answerNow = () => {};
    const { sent, send } = department({ until: new Promise<void>((resolve) => (answerNow = resolve)) });
    const batches = new EntityBatches<string>({ maxRepresentations: 100, maxInFlight: 1 });
    const first = batches.fetch('poverty', HEADERS, entityFetch('a'), send);
    await new Promise((resolve) => setImmediate(resolve)); // 'a' is on its way
    const later = [entityFetch('b'), entityFetch('c')].map((fetch) => batches.fetch('poverty', HEADERS, fetch, send));
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent.map(keysOf)).toEqual([['a']]); // b and c wait for a
    answerNow();
    const answers = await Promise.all([first, ...later]);
    expect(sent.map(keysOf)).toEqual([['a'], ['b', 'c']]);
    expect(answers.map((answer) => answer.response)).toEqual(['response 1', 'response 2', 'response 2']);
  });
});
