import { validate } from 'class-validator';
import { IsPastDate } from './validation-rules';

class Dated {
  @IsPastDate()
  on: string;
}

async function problem(on: string): Promise<string | null> {
  const errors = await validate(Object.assign(new Dated(), { on }));
  return errors.length ? Object.values(errors[0].constraints!)[0] : null;
}

describe('IsPastDate in Beijing time', () => {
  afterEach(() => jest.useRealTimers());

  it("accepts Beijing's today at 01:30 Beijing (17:30 UTC the day before) and refuses tomorrow", async () => {
    jest.useFakeTimers({ now: new Date('2026-03-01T17:30:00Z') });
    expect(await problem('2026-03-02')).toBeNull();
    expect(await problem('2026-03-01')).toBeNull();
    expect(await problem('2026-03-03')).toBe('must not be in the future');
  });

  it('still refuses what is not a calendar date', async () => {
    expect(await problem('2026-02-30')).toBe('is not a calendar date');
  });
});
