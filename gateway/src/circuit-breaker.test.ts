import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CircuitBreaker, CircuitOpenError, breakerSettingsFromEnv, type BreakerState } from './circuit-breaker';

/** A department's /ready that answers whatever status the test sets. */
async function readyEndpoint() {
  const state = { status: 503, probes: 0 };
  const server = http.createServer((_req, res) => {
    state.probes++;
    res.statusCode = state.status;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { state, url: `http://127.0.0.1:${port}/ready`, close: () => new Promise((resolve) => server.close(resolve)) };
}

const refused = () => Promise.reject(new TypeError('fetch failed'));
const until = async (check: () => boolean, timeoutMs = 5000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('circuit breaker per department', () => {
  it('opens after consecutive unanswered fetches, fails at once while open, and closes when /ready answers', async () => {
    const ready = await readyEndpoint();
    const states: BreakerState[] = [];
    const breaker = new CircuitBreaker('poverty', ready.url, { failureThreshold: 2, resetMs: 100, probeTimeoutMs: 500 }, (s) => states.push(s));
    try {
      await expect(breaker.run(refused)).rejects.toThrow('fetch failed');
      expect(breaker.state).toBe('closed');
      await expect(breaker.run(refused)).rejects.toThrow('fetch failed');
      expect(breaker.state).toBe('open');

      let called = false;
      await expect(breaker.run(async () => { called = true; })).rejects.toBeInstanceOf(CircuitOpenError);
      expect(called).toBe(false);

      await until(() => ready.state.probes >= 2); // still 503: probed again, stays down
      expect(breaker.state).not.toBe('closed');
      await expect(breaker.run(async () => 'answer')).rejects.toThrow(/poverty department is marked down/);

      ready.state.status = 200;
      await until(() => breaker.state === 'closed');
      await expect(breaker.run(async () => 'answer')).resolves.toBe('answer');
      expect(states.slice(0, 3)).toEqual(['open', 'half-open', 'open']);
      expect(states.at(-1)).toBe('closed');
    } finally {
      breaker.stop();
      await ready.close();
    }
  });

  it('counts only consecutive failures: an answer in between resets the count', async () => {
    const breaker = new CircuitBreaker('hr', 'http://127.0.0.1:9/ready', { failureThreshold: 2, resetMs: 60_000, probeTimeoutMs: 100 });
    await expect(breaker.run(refused)).rejects.toThrow();
    await breaker.run(async () => 'answer');
    await expect(breaker.run(refused)).rejects.toThrow();
    expect(breaker.state).toBe('closed');
    breaker.stop();
  });

  it('reads its thresholds from the environment with defaults, refusing nonsense', () => {
    expect(breakerSettingsFromEnv({})).toEqual({ failureThreshold: 3, resetMs: 5000, probeTimeoutMs: 2000 });
    expect(breakerSettingsFromEnv({ CIRCUIT_FAILURE_THRESHOLD: '1', CIRCUIT_RESET_MS: '250' })).toMatchObject({ failureThreshold: 1, resetMs: 250 });
    expect(() => breakerSettingsFromEnv({ CIRCUIT_RESET_MS: 'soon' })).toThrow("CIRCUIT_RESET_MS must be a whole number ≥ 1, not 'soon'");
    expect(() => breakerSettingsFromEnv({ CIRCUIT_FAILURE_THRESHOLD: '0' })).toThrow('CIRCUIT_FAILURE_THRESHOLD');
  });
});
