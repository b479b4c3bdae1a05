import type { FormattedExecutionResult } from 'graphql';
import { AnswerCache } from './answer-cache';
import { KeptAnswerTexts } from './kept-answer-text';

/** An answer of about `chars` characters of JSON, with names in Chinese as the scorecards have. */
function answer(chars: number, seed = 0): FormattedExecutionResult {
  const cards = Array.from({ length: Math.ceil(chars / 60) }, (_, i) => ({ regionCode: String(320300 + i + seed), name: '徐州市', trained: { value: i } }));
  return { data: { scorecards: cards } };
}
/** What Apollo's own stringifyResult writes: the result's fields in order, JSON, a newline. */
const apolloText = (result: FormattedExecutionResult) => `${JSON.stringify({ errors: result.errors, data: result.data, extensions: result.extensions })}\n`;
const asApolloPasses = (result: FormattedExecutionResult): FormattedExecutionResult => ({ errors: result.errors, data: result.data, extensions: result.extensions });

describe('KeptAnswerTexts', () => {
  afterEach(() => jest.restoreAllMocks());

  it('writes what Apollo writes, and serialises a kept answer once however often it is sent', () => {
    const texts = new KeptAnswerTexts();
    const kept = answer(30_000);
    const other = answer(30_000, 1);
    texts.keep(kept);
    const [keptText, otherText] = [apolloText(kept), apolloText(other)];
    const stringify = jest.spyOn(JSON, 'stringify');
    const sent = [1, 2, 3].map(() => texts.stringify(asApolloPasses(kept)));
    const otherSent = [1, 2].map(() => texts.stringify(asApolloPasses(other)));
    expect(stringify).toHaveBeenCalledTimes(3); // once for the kept answer; the other each time
    expect(sent).toEqual([keptText, keptText, keptText]);
    expect(otherSent).toEqual([otherText, otherText]);
  });

  it('holds the UTF-8 bytes of a long kept answer, not of a short one, one not kept, or one dropped', () => {
    const texts = new KeptAnswerTexts();
    const [long, short, notKept] = [answer(30_000), answer(2_000), answer(30_000, 2)];
    texts.keep(long);
    texts.keep(short);
    const longText = texts.stringify(asApolloPasses(long));
    expect(texts.bytesOf(longText)!.equals(Buffer.from(longText))).toBe(true);
    expect(texts.bytesOf(longText)!.length).toBeGreaterThan(longText.length); // multi-byte characters counted
    expect(texts.bytesOf(texts.stringify(asApolloPasses(short)))).toBeUndefined();
    expect(texts.bytesOf(texts.stringify(asApolloPasses(notKept)))).toBeUndefined();
    texts.drop(long);
    expect(texts.bytesOf(longText)).toBeUndefined();
  });

  it('never keeps the text of an answer with errors or extensions', () => {
    const texts = new KeptAnswerTexts();
    const withErrors: FormattedExecutionResult = { ...answer(30_000), errors: [{ message: 'partly failed' }] };
    texts.keep(withErrors);
    const stringify = jest.spyOn(JSON, 'stringify');
    texts.stringify(asApolloPasses(withErrors));
    texts.stringify(asApolloPasses(withErrors));
    expect(stringify).toHaveBeenCalledTimes(2);
  });

  it('holds at most its byte budget, dropping the oldest answers first', () => {
    const texts = new KeptAnswerTexts(100_000, 1_000);
    const answers = [0, 1, 2].map((seed) => answer(40_000, seed));
    const sent = answers.map((result) => {
      texts.keep(result);
      return texts.stringify(asApolloPasses(result));
    });
    expect(sent.map((text) => texts.bytesOf(text) !== undefined)).toEqual([false, true, true]);
  });

  it('lets the answer cache drop the bytes of an answer it no longer keeps', () => {
    const texts = new KeptAnswerTexts();
    const cache = new AnswerCache(60_000, 500, texts);
    const figures = answer(30_000);
    cache.keep('figures', { result: figures, departments: new Set(['hr']) }, cache.writeCount);
    const text = texts.stringify(asApolloPasses(figures));
    expect(texts.bytesOf(text)).toBeDefined();
    cache.departmentWrote('hr');
    expect(texts.bytesOf(text)).toBeUndefined();
  });
});
