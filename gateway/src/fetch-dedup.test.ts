import { InFlightFetches, isQueryBody } from './fetch-dedup';
import type { DepartmentAnswer } from './department-http';

describe('identical fetches in flight', () => {
  const answer = (text: string) => ({ status: 200, body: text }) as unknown as DepartmentAnswer;
  /** A send that answers when told to, counting how often it went out. */
  const pending = () => {
    let settle!: (a: DepartmentAnswer) => void;
    const sent = { count: 0 };
    const send = () => {
      sent.count++;
      return new Promise<DepartmentAnswer>((resolve) => { settle = resolve; });
    };
    return { send, sent, settle: (text: string) => settle(answer(text)) };
  };
  const read = '{"query":"query A__hr__0 { trainees { id } }"}';

  it('tells reads from writes by the operation the body starts with', () => {
    expect([read, '{"query":"{ a }"}', '{"query":"mutation M { a }"}', '{"query":"queryX { a }"}'].map(isQueryBody)).toEqual([true, true, false, false]);
  });

  it('sends an identical read of the same caller once while it is in flight, and again once it settled', async () => {
    const fetches = new InFlightFetches(() => undefined);
    const { send, sent, settle } = pending();
    const first = fetches.fetch('hr', read, 'Bearer a', send);
    const second = fetches.fetch('hr', read, 'Bearer a', send);
    settle('one');
    expect(await Promise.all([first, second])).toEqual([answer('one'), answer('one')]);
    expect(sent.count).toBe(1);
    const third = fetches.fetch('hr', read, 'Bearer a', send);
    settle('two');
    expect(await third).toEqual(answer('two'));
    expect(sent.count).toBe(2);
  });

  it.each([
    ['another caller', 'hr', read, 'Bearer b'],
    ['another department', 'poverty', read, 'Bearer a'],
    ['another body', 'hr', '{"query":"query A__hr__0 { trainees { name } }"}', 'Bearer a'],
  ])('never shares with %s', async (_, department, body, authorization) => {
    const shared: string[] = [];
    const fetches = new InFlightFetches((d) => shared.push(d));
    const a = pending();
    const b = pending();
    const first = fetches.fetch('hr', read, 'Bearer a', a.send);
    const second = fetches.fetch(department, body, authorization, b.send);
    a.settle('mine');
    b.settle('theirs');
    expect(await Promise.all([first, second])).toEqual([answer('mine'), answer('theirs')]);
    expect(shared).toEqual([]);
  });

  it('always sends a write', async () => {
    const fetches = new InFlightFetches(() => undefined);
    const write = '{"query":"mutation M__hr__0 { register { id } }"}';
    let sent = 0;
    const send = () => new Promise<DepartmentAnswer>((resolve) => setImmediate(() => resolve(answer(`write ${++sent}`))));
    expect(await Promise.all([fetches.fetch('hr', write, 'Bearer a', send), fetches.fetch('hr', write, 'Bearer a', send)]))
      .toEqual([answer('write 1'), answer('write 2')]);
  });
});
