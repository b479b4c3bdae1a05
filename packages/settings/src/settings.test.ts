import { wholeNumber, portNumber } from './index';

describe('numeric settings from the environment', () => {
  it('takes the default when the setting is unset or empty, and the number when it is one', () => {
    expect(wholeNumber({}, 'AGGREGATE_CACHE_MS', 30_000, 0)).toBe(30_000);
    expect(wholeNumber({ AGGREGATE_CACHE_MS: '  ' }, 'AGGREGATE_CACHE_MS', 30_000, 0)).toBe(30_000);
    expect(wholeNumber({ AGGREGATE_CACHE_MS: ' 0 ' }, 'AGGREGATE_CACHE_MS', 30_000, 0)).toBe(0);
    expect(wholeNumber({ AGGREGATE_CACHE_MS: '1e3' }, 'AGGREGATE_CACHE_MS', 30_000, 0)).toBe(1000);
  });

  it.each(['30s', 'NaN', '1.5', '-1', 'Infinity', '0x'])('refuses %p, naming the setting and the rule', (bad) => {
    expect(() => wholeNumber({ AGGREGATE_CACHE_MS: bad }, 'AGGREGATE_CACHE_MS', 30_000, 0))
      .toThrow(`AGGREGATE_CACHE_MS must be a whole number ≥ 0, not '${bad}'`);
  });

  it('refuses a number below the minimum', () => {
    expect(() => wholeNumber({ DEMO_TRAINEES: '0' }, 'DEMO_TRAINEES', 3000, 1)).toThrow("DEMO_TRAINEES must be a whole number ≥ 1, not '0'");
  });

  it('takes a port from 0 to 65535 and refuses any other', () => {
    expect(portNumber({ POSTGRES_PORT: '54329' }, 'POSTGRES_PORT', 1)).toBe(54329);
    expect(portNumber({ PORT: '0' }, 'PORT', 4001)).toBe(0);
    expect(() => portNumber({ POSTGRES_PORT: '65536' }, 'POSTGRES_PORT', 54329)).toThrow("POSTGRES_PORT must be a whole number from 0 to 65535, not '65536'");
    expect(() => portNumber({ POSTGRES_PORT: '0' }, 'POSTGRES_PORT', 54329, 1)).toThrow("POSTGRES_PORT must be a whole number from 1 to 65535, not '0'");
    expect(() => portNumber({ HR_PORT: 'http' }, 'HR_PORT', 4001)).toThrow("HR_PORT must be a whole number from 0 to 65535, not 'http'");
  });
});
