import { buildSchema, parse, validate } from 'graphql';
import { EntityBatches, isEntityFetch, mergeEntityFetches, splitEntityAnswer, type EntityAnswerBody, type EntityFetch, type OutgoingFetch, type SentFetch } from './entity-batching';

const QUERY = 'query Q__poverty__1($representations:[_Any!]!){_entities(representations:$representations){...on Trainee{povertyHousehold{cause}}}}';
const entityFetch = (...keys: string[]): EntityFetch => ({ query: QUERY, variables: { representations: keys.map((personKey) => ({ __typename: 'Trainee', personKey })) } });
/** An outgoing fetch's representations: one list as asked or merged, or one per alias (r0, r1, …) when texts were combined. */
const listsOf = (fetch: OutgoingFetch): Array<Array<{ personKey: string }>> =>
  (Array.isArray(fetch.variables.representations) ? [fetch.variables.representations] : Object.keys(fetch.variables).sort().map((name) => fetch.variables[name])) as Array<Array<{ personKey: string }>>;
const keysOf = (fetch: OutgoingFetch) => listsOf(fetch).flat().map((r) => r.personKey);

/**
 * A department that answers each representation with its own key, and records what it was
 * sent: a plain or merged fetch under `_entities`, combined texts under their aliases e0, e1, ….
 */
function department(options: { failOn?: string; errorAt?: string; until?: Promise<void> } = {}) {
  const sent: OutgoingFetch[] = [];
  const send = async (fetch: OutgoingFetch): Promise<SentFetch<string>> => {
    sent.push(fetch);
    await (options.until ?? new Promise((resolve) => setTimeout(resolve, 5)));
    if (keysOf(fetch).includes(options.failOn ?? '')) throw new TypeError('fetch failed: connection reset');
    const lists = listsOf(fetch);
    const field = (i: number) => (Array.isArray(fetch.variables.representations) ? '_entities' : `e${i}`);
    const data = Object.fromEntries(lists.map((list, i) => [field(i), list.map(({ personKey }) => ({ povertyHousehold: { cause: personKey } }))]));
    const errors = lists.flatMap((list, i) => list.flatMap(({ personKey }, j) => (personKey === options.errorAt ? [{ message: `no household for ${personKey}`, path: [field(i), j, 'povertyHousehold'] }] : [])));
    return { body: { data, ...(errors.length ? { errors } : {}) }, response: `response ${sent.length}` };
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

  it('never merges fetches of different callers, operations, departments, extensions, or texts with other variables', async () => {
    const { sent, send } = department();
    const batches = new EntityBatches<string>({ maxRepresentations: 100, maxInFlight: 0 });
    const withVariable = (key: string, year: number) => ({
      query: QUERY.replace('($representations:[_Any!]!)', '($representations:[_Any!]!,$year:Int)'),
      variables: { ...entityFetch(key).variables, year },
    });
    const answers = await Promise.all([
      batches.fetch('poverty', HEADERS, entityFetch('a'), send),
      batches.fetch('poverty', { ...HEADERS, authorization: 'Bearer bob' }, entityFetch('b'), send),
      batches.fetch('poverty', { ...HEADERS, 'x-operation-name': 'Other' }, entityFetch('c'), send),
      batches.fetch('agriculture', HEADERS, entityFetch('d'), send),
      batches.fetch('poverty', HEADERS, { ...entityFetch('e'), extensions: { trace: 'on' } }, send),
      batches.fetch('poverty', HEADERS, withVariable('f', 2019), send),
      batches.fetch('poverty', HEADERS, withVariable('g', 2020), send),
    ]);
    expect(sent.map(keysOf)).toEqual([['a'], ['b'], ['c'], ['d'], ['e'], ['f'], ['g']]);
    expect(sent.every((fetch) => Array.isArray(fetch.variables.representations))).toBe(true);
    expect(answers.map((answer) => answer.body.data)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((key) => ({ _entities: [{ povertyHousehold: { cause: key } }] })));
  });

  it('says when a merged fetch carried another client request\'s fetch, whose reads its department also recorded', async () => {
    const { send } = department();
    const batches = new EntityBatches<string>({ maxRepresentations: 100, maxInFlight: 0 });
    const [one, two] = [{ request: 1 }, { request: 2 }];
    const sameRequest = await Promise.all([batches.fetch('poverty', HEADERS, entityFetch('a'), send, one), batches.fetch('poverty', HEADERS, entityFetch('b'), send, one)]);
    expect(sameRequest.map((answer) => answer.acrossRequests)).toEqual([false, false]);
    const twoRequests = await Promise.all([batches.fetch('poverty', HEADERS, entityFetch('c'), send, one), batches.fetch('poverty', HEADERS, entityFetch('d'), send, two)]);
    expect(twoRequests.map((answer) => answer.acrossRequests)).toEqual([true, true]);
    expect((await batches.fetch('poverty', HEADERS, entityFetch('e'), send, two)).acrossRequests).toBe(false);
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

describe('different texts to one department, combined under aliases', () => {
  const STORIES_OF_TRAINEES = 'query Page__youth_league__1($representations:[_Any!]!){_entities(representations:$representations){...on Trainee{stories{id}}}}';
  const STORIES_OF_VENTURES = 'query Page__youth_league__4($representations:[_Any!]!){_entities(representations:$representations){...on Venture{stories{id title}}}}';
  const HOUSEHOLD_EXITED = QUERY.replace('cause', 'exited');
  /** A fetch of `query`, named as the planner names it (the name in the text). */
  const asked = (query: string, ...keys: string[]): EntityFetch => ({ ...entityFetch(...keys), query, operationName: /^query (\w+)/.exec(query)?.[1] });
  /** A department's schema where Trainee.stories and Venture.stories differ in nullability: one selection set could not hold both. */
  const schema = buildSchema(`
    scalar _Any
    type Story { id: ID! title: String }
    type Household { cause: String exited: Boolean }
    type Trainee { stories: [Story!]! povertyHousehold: Household }
    type Venture { stories: [Story!] }
    union _Entity = Trainee | Venture
    type Query { _entities(representations: [_Any!]!): [_Entity]! }`);

  it('sends one caller\'s fetches with different texts asked in the same turn as one operation, and answers each as if alone', async () => {
    const { sent, send } = department();
    const reported: number[][] = [];
    const batches = new EntityBatches<string>({ maxRepresentations: 100, maxInFlight: 0 }, (_d, fetches, representations) => reported.push([fetches, representations]));
    const fetches = [asked(STORIES_OF_TRAINEES, 'a', 'b'), asked(STORIES_OF_VENTURES, 'c'), asked(STORIES_OF_TRAINEES, 'd')];
    const answers = await Promise.all(fetches.map((fetch) => batches.fetch('youth-league', HEADERS, fetch, send)));
    expect(sent).toHaveLength(1);
    expect(sent[0].operationName).toBe('Page__youth_league__1');
    // The first text's fetches (two requests) under e0, the second's under e1.
    expect(Object.keys(sent[0].variables)).toEqual(['r0', 'r1']);
    expect(listsOf(sent[0]).map((list) => list.map((r) => r.personKey))).toEqual([['a', 'b', 'd'], ['c']]);
    expect(sent[0].query).toMatch(/^query Page__youth_league__1\(\$r0:\[_Any!\]!,\$r1:\[_Any!\]!\)\{e0:_entities\(representations:\$r0\)\{/);
    expect(sent[0].query).toBe('query Page__youth_league__1($r0:[_Any!]!,$r1:[_Any!]!){'
      + 'e0:_entities(representations:$r0){...on Trainee{stories{id}}} e1:_entities(representations:$r1){...on Venture{stories{id title}}}}');
    expect(answers.map((answer) => answer.body.data)).toEqual([
      { _entities: [{ povertyHousehold: { cause: 'a' } }, { povertyHousehold: { cause: 'b' } }] },
      { _entities: [{ povertyHousehold: { cause: 'c' } }] },
      { _entities: [{ povertyHousehold: { cause: 'd' } }] },
    ]);
    expect(answers.map((answer) => answer.response)).toEqual(['response 1', 'response 1', 'response 1']);
    expect(reported).toEqual([[3, 4]]);
  });

  it('asks for a valid operation wherever each text is valid: fields under different aliases never conflict', async () => {
    const { sent, send } = department();
    const batches = new EntityBatches<string>({ maxRepresentations: 100, maxInFlight: 0 });
    await Promise.all([asked(STORIES_OF_TRAINEES, 'a'), asked(STORIES_OF_VENTURES, 'b'), asked(QUERY, 'c'), asked(HOUSEHOLD_EXITED, 'd')]
      .map((fetch) => batches.fetch('youth-league', HEADERS, fetch, send)));
    expect(sent).toHaveLength(1);
    expect(Object.keys(sent[0].variables)).toEqual(['r0', 'r1', 'r2', 'r3']);
    for (const text of [STORIES_OF_TRAINEES, STORIES_OF_VENTURES, QUERY, HOUSEHOLD_EXITED]) expect(validate(schema, parse(text))).toEqual([]);
    expect(validate(schema, parse(sent[0].query))).toEqual([]);
    // What aliases avoid: the two stories fields in one selection set do not validate.
    const oneSelection = 'query($representations:[_Any!]!){_entities(representations:$representations){...on Trainee{stories{id}} ...on Venture{stories{id}}}}';
    expect(validate(schema, parse(oneSelection)).map((error) => error.message).join()).toMatch(/conflict/);
  });

  it('gives each text the errors under its own alias at the path it would have had alone, and an error under no alias to every text', async () => {
    const { send } = department({ errorAt: 'c' });
    const batches = new EntityBatches<string>({ maxRepresentations: 100, maxInFlight: 0 });
    const [trainees, ventures] = await Promise.all([asked(STORIES_OF_TRAINEES, 'a', 'b'), asked(STORIES_OF_VENTURES, 'x', 'c')]
      .map((fetch) => batches.fetch('youth-league', HEADERS, fetch, send)));
    expect(trainees.body.errors).toEqual([]);
    expect(ventures.body.errors).toEqual([{ message: 'no household for c', path: ['_entities', 1, 'povertyHousehold'] }]);

    const whole = { data: null, errors: [{ message: 'department down', extensions: { code: 'INTERNAL' } }] };
    const failing = async (): Promise<SentFetch<string>> => ({ body: structuredClone(whole), response: 'down' });
    const parts = await Promise.all([asked(STORIES_OF_TRAINEES, 'a'), asked(STORIES_OF_VENTURES, 'b')].map((fetch) => batches.fetch('youth-league', HEADERS, fetch, failing)));
    expect(parts.map((part) => part.body)).toEqual([whole, whole]);
    expect(parts[0].body.errors![0]).not.toBe(parts[1].body.errors![0]);
  });

  it('sends texts of any other shape as they are', async () => {
    const { sent, send } = department();
    const batches = new EntityBatches<string>({ maxRepresentations: 100, maxInFlight: 0 });
    const others = [
      QUERY.replace('{_entities(', '{found:_entities('),
      QUERY.replace('{_entities(', '{__typename _entities('),
      QUERY.replace('($representations:[_Any!]!)', '($representations:[_Any!])'),
      QUERY.replace('{_entities(representations:$representations)', '{_entities(representations:$representations) @include(if: true)'),
    ];
    await Promise.all([asked(QUERY, 'a'), ...others.map((text, i) => asked(text, String(i)))].map((fetch) => batches.fetch('poverty', HEADERS, fetch, send)));
    expect(sent.map((fetch) => fetch.query)).toEqual([QUERY, ...others]);
  });
});
