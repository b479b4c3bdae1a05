import { summarise, type Measured } from './load-run';

const run = (latencies: number[], extra: Partial<Measured> = {}): Measured => ({
  latencies, refused: 0, validFailed: 0, transportErrors: 0, failures: [], ticks: { gateway: 0 }, seconds: 10, from: 0, to: 1, ...extra,
});

describe('pooling runs of one load case', () => {
  it('takes percentiles over every latency of every run, not an average of each run\'s', () => {
    // 100 answers each: the first run's p99 is 50 ms, the second's 300 ms.
    const first = run(Array.from({ length: 100 }, (_, i) => (i === 99 ? 50 : 10)));
    const second = run(Array.from({ length: 100 }, (_, i) => (i >= 98 ? 300 : 20)));
    const pooled = summarise([first, second]);
    expect(pooled.ok).toBe(200);
    // Pooled, the two 300s are the top 1 % of 200 answers; the 50 is below them.
    expect(pooled.p99).toBe(300);
    expect(pooled.p50).toBe(20);
    expect(summarise([first]).p99).toBe(50);
  });

  it('counts requests/s over the runs\' time together and CPU shares over all of it', () => {
    const pooled = summarise([
      run([10, 10], { refused: 2, seconds: 2, ticks: { gateway: 10, hr: 30 }, failures: ['a'] }),
      run([10, 10, 10, 10], { refused: 0, seconds: 2, ticks: { gateway: 30, hr: 30 }, validFailed: 1, failures: ['b', 'c', 'd'] }),
    ]);
    expect(pooled.requestsPerSecond).toBe(8 / 4);
    expect(pooled.refused).toBe(2);
    expect(pooled.validFailed).toBe(1);
    expect(pooled.cpuShare).toEqual({ gateway: 0.4, hr: 0.6 });
    // 40 ticks of 10 ms over 8 answers.
    expect(pooled.gatewayCpuMsPerRequest).toBe(50);
    expect(pooled.failures).toEqual(['a', 'b', 'c']);
  });
});
