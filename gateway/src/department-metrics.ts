import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { BreakerState } from './circuit-breaker';

/** Why a fetch to a department failed, as a metric label. */
export type FetchFailure = 'timeout' | 'unreachable' | 'circuit_open' | 'http_error';

export const BREAKER_STATE_VALUE: Record<BreakerState, number> = { closed: 0, 'half-open': 1, open: 2 };

/**
 * The gateway's view of each department on its /metrics: the fetches it sent for client
 * operations, the ones that failed and why, their latency, and each circuit breaker's state.
 */
export class DepartmentMetrics {
  private readonly fetches: Counter<'department'>;
  private readonly errors: Counter<'department' | 'reason'>;
  private readonly latency: Histogram<'department'>;
  private readonly breaker: Gauge<'department'>;

  constructor(registry: Registry) {
    this.fetches = new Counter({
      name: 'subgraph_fetches_total',
      help: 'Fetches the gateway sent to a department for client operations',
      labelNames: ['department'],
      registers: [registry],
    });
    this.errors = new Counter({
      name: 'subgraph_fetch_errors_total',
      help: 'Fetches to a department that failed, by reason (timeout, unreachable, circuit_open, http_error)',
      labelNames: ['department', 'reason'],
      registers: [registry],
    });
    this.latency = new Histogram({
      name: 'subgraph_fetch_duration_seconds',
      help: 'Time from sending a fetch to a department to its answer or failure',
      labelNames: ['department'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    this.breaker = new Gauge({
      name: 'subgraph_circuit_state',
      help: 'Circuit breaker per department: 0 closed, 1 half-open (probing /ready), 2 open (marked down)',
      labelNames: ['department'],
      registers: [registry],
    });
  }

  /** Starts timing one fetch; call the result with the failure reason, or nothing on success. */
  startFetch(department: string): (failure?: FetchFailure) => void {
    this.fetches.inc({ department });
    const end = this.latency.startTimer({ department });
    return (failure) => {
      end();
      if (failure) this.errors.inc({ department, reason: failure });
    };
  }

  breakerChanged(department: string, state: BreakerState): void {
    this.breaker.set({ department }, BREAKER_STATE_VALUE[state]);
  }
}
