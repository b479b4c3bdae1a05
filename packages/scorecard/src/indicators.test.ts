import { judge, ratio, targetOf } from './indicators';

describe('policy targets by region level', () => {
  it('sets trained and loan targets per city, scaled to the province, none for a county', () => {
    expect(targetOf('trained', '320300')).toBe(1500);
    expect(targetOf('trained', '320000')).toBe(1500 * 13);
    expect(targetOf('trained', '320321')).toBeNull();
    expect(targetOf('loansIssuedYuan', '320300')).toBe(200_000_000);
  });

  it('sets rate targets at every level and new parks for the province only', () => {
    for (const code of ['320000', '320300', '320321']) {
      expect(targetOf('passRate', code)).toBe(0.8);
      expect(targetOf('openingRate6m', code)).toBe(0.5);
      expect(targetOf('jobsPerVenture', code)).toBe(4);
      expect(targetOf('survivalRate1y', code)).toBe(0.8);
    }
    expect(targetOf('newParks', '320000')).toBe(4);
    expect(targetOf('newParks', '320300')).toBeNull();
  });

  it('judges met against the target, and reports without judging where there is none', () => {
    expect(judge('passRate', '320300', 0.81)).toEqual({ value: 0.81, target: 0.8, met: true });
    expect(judge('passRate', '320300', 0.79)).toEqual({ value: 0.79, target: 0.8, met: false });
    expect(judge('poorTraineeShare', '320000', 0.2)).toEqual({ value: 0.2, target: null, met: null });
    expect(targetOf('trained', '999999')).toBeNull();
  });

  it('makes an empty cohort a zero, not NaN', () => {
    expect(ratio(0, 0)).toBe(0);
    expect(ratio(1, 4)).toBe(0.25);
  });
});
