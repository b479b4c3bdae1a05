import type { Registry } from 'prom-client';
import type { Logger } from '@rg/observability';
import { CircuitBreaker, type BreakerSettings } from './circuit-breaker';
import { DepartmentMetrics } from './department-metrics';
import type { DepartmentWatch } from './department-data-source';
import { readyUrl } from './subgraph-health';

/**
 * One circuit breaker per department, kept across supergraph reloads (which rebuild the data
 * sources), with its state changes on /metrics and in the log.
 */
export function watchDepartments(settings: BreakerSettings, registry: Registry, logger: Logger) {
  const metrics = new DepartmentMetrics(registry);
  const breakers = new Map<string, CircuitBreaker>();
  return {
    /** `socketPath`: where the department's requests go when it has a Unix socket; its /ready is probed there too. */
    watchFor(department: string, graphqlUrl: string, socketPath?: string): DepartmentWatch {
      let breaker = breakers.get(department);
      if (!breaker) {
        metrics.breakerChanged(department, 'closed');
        breaker = new CircuitBreaker(department, readyUrl(graphqlUrl), settings, (state) => {
          metrics.breakerChanged(department, state);
          if (state === 'open') logger.warn({ department }, 'department marked down; probing its /ready');
          if (state === 'closed') logger.info({ department }, 'department answers again');
        }, socketPath);
        breakers.set(department, breaker);
      }
      return { breaker, metrics, logger };
    },
    stop(): void {
      for (const breaker of breakers.values()) breaker.stop();
    },
  };
}
