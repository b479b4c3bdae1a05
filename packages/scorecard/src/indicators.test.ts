import { ratio } from './indicators';

describe('ratio', () => {
  it('is 0 for an empty cohort rather than NaN', () => {
    expect(ratio(0, 0)).toBe(0);
    expect(ratio(3, 4)).toBe(0.75);
  });
});
