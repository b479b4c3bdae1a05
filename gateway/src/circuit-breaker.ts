import { departmentReady } from './department-http';
import { wholeNumber } from '@rg/settings';

/**
 * A circuit breaker for one department. After `failureThreshold` consecutive fetches that got
 * no answer at all (timed out, connection refused or reset), the department is marked down
 * and every fetch for it fails at once instead of each waiting the full deadline. While it is
 * down, its /ready is probed every `resetMs`; the first probe that answers 200 closes the
 * breaker. Client requests never serve as the probe (so none waits on a hung department), and
 * any HTTP answer, even an error status, counts as the department being reachable.
 *
 * Written here rather than taken from a library: opossum, the usual choice, needs Node 22 from
 * version 10 on, and its half-open state lets a live request through as the trial.
 */
export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerSettings {
  /** Consecutive unanswered fetches that mark a department down. */
  failureThreshold: number;
  /** How long a department stays marked down before its /ready is probed (and between probes). */
  resetMs: number;
  /** Deadline of one /ready probe. */
  probeTimeoutMs: number;
}

export function breakerSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): BreakerSettings {
  return {
    failureThreshold: wholeNumber(env, 'CIRCUIT_FAILURE_THRESHOLD', 3, 1),
    resetMs: wholeNumber(env, 'CIRCUIT_RESET_MS', 5000, 1),
    probeTimeoutMs: wholeNumber(env, 'CIRCUIT_PROBE_TIMEOUT_MS', 2000, 1),
  };
}

/** Thrown instead of fetching while a department is marked down. */
export class CircuitOpenError extends Error {
  override name = 'CircuitOpenError';
  constructor(readonly department: string) {
    super(`The ${department} department is marked down after failing to answer; retried when its /ready answers`);
  }
}

export class CircuitBreaker {
  private current: BreakerState = 'closed';
  private failures = 0;
  private timer?: NodeJS.Timeout;

  constructor(
    readonly department: string,
    private readonly readyUrl: string,
    private readonly settings: BreakerSettings,
    private readonly onChange: (state: BreakerState) => void = () => {},
    /** The department's Unix socket, when its requests go there: probed the same way. */
    private readonly socketPath?: string,
  ) {}

  get state(): BreakerState {
    return this.current;
  }

  /** Runs one fetch through the breaker: refused at once while the department is down. */
  async run<T>(fetchOnce: () => Promise<T>): Promise<T> {
    if (this.current !== 'closed') throw new CircuitOpenError(this.department);
    try {
      const answer = await fetchOnce();
      this.failures = 0;
      return answer;
    } catch (error) {
      // fetch rejects only when no HTTP answer came back: a timeout or a connection failure.
      if (this.current === 'closed' && ++this.failures >= this.settings.failureThreshold) this.open();
      throw error;
    }
  }

  /** Stops probing (the gateway is shutting down). */
  stop(): void {
    clearTimeout(this.timer);
  }

  private open(): void {
    this.setState('open');
    this.timer = setTimeout(() => void this.probe(), this.settings.resetMs);
    this.timer.unref();
  }

  private async probe(): Promise<void> {
    this.setState('half-open');
    const ready = await departmentReady(this.readyUrl, this.socketPath, this.settings.probeTimeoutMs);
    if (!ready) return this.open();
    this.failures = 0;
    this.setState('closed');
  }

  private setState(state: BreakerState): void {
    if (state === this.current) return;
    this.current = state;
    this.onChange(state);
  }
}
