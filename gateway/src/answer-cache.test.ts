import { AnswerCache, operationKey } from './answer-cache';

describe('AnswerCache', () => {
  const answer = (departments: string[]) => ({ result: { data: { n: 1 } }, departments: new Set(departments) });

  it('drops the answers that came from a department that wrote, and only those', () => {
    const cache = new AnswerCache(60_000);
    cache.keep('hr-figures', answer(['hr']), cache.writeCount);
    cache.keep('park-figures', answer(['agriculture']), cache.writeCount);
    cache.departmentWrote('hr');
    expect(cache.get('hr-figures')).toBeUndefined();
    expect(cache.get('park-figures')?.result).toEqual({ data: { n: 1 } });
  });

  it('does not keep an answer computed while a write went through', () => {
    const cache = new AnswerCache(60_000);
    const writesAtStart = cache.writeCount;
    cache.departmentWrote('poverty');
    expect(cache.keep('figures', answer(['hr']), writesAtStart)).toBe(false);
    expect(cache.get('figures')).toBeUndefined();
  });

  it('forgets an answer after its lifetime', async () => {
    const cache = new AnswerCache(5);
    cache.keep('figures', answer(['hr']), cache.writeCount);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(cache.get('figures')).toBeUndefined();
  });

  it('tells operations apart by text, operation name and variables', () => {
    expect(operationKey('h', 'A', { y: 2019 })).not.toBe(operationKey('h', 'A', { y: 2020 }));
    expect(operationKey('h', 'A', {})).not.toBe(operationKey('h', 'B', {}));
    expect(operationKey('h', null, undefined)).toBe(operationKey('h', undefined, {}));
  });
});
