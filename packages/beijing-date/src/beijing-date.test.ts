import { currentYearInBeijing, isAfterToday, todayInBeijing } from './index';

describe('Beijing-time today', () => {
  afterEach(() => jest.useRealTimers());

  it('is the next day in Beijing at 17:30 UTC, and that date is not in the future', () => {
    jest.useFakeTimers({ now: new Date('2026-03-01T17:30:00Z') }); // 01:30 on 2 March in Beijing
    expect(todayInBeijing()).toBe('2026-03-02');
    expect(isAfterToday('2026-03-02')).toBe(false);
    expect(isAfterToday('2026-03-03')).toBe(true);
  });

  it('changes at 16:00 UTC, midnight in Beijing', () => {
    expect(todayInBeijing(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(todayInBeijing(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
  });

  it('turns the year at Beijing midnight on New Year\'s Eve', () => {
    expect(currentYearInBeijing(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
    expect(currentYearInBeijing(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
  });
});
