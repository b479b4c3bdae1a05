import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per service instance, so several services can share a process in tests. */
export interface ServiceMetrics {
  registry: Registry;
  dbStatements: Counter;
  requestDuration: Histogram;
}

/**
 * How often the event loop's delay is sampled for the nodejs_eventloop_lag_* figures. At
 * prom-client's default of 10 ms, its timer woke every service a hundred times a second, which
 * cost each about 6 ms of CPU per second while idle on this 2-core machine, and the same again
 * between requests under load. Every 100 ms still gives a scrape interval hundreds of samples
 * of the delay, and a stall of the loop still delays the sample due during it.
 */
export const EVENT_LOOP_SAMPLE_MS = 100;

export function createMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS });
  return {
    registry,
    dbStatements: new Counter({
      name: 'db_statements_total',
      help: 'SQL statements sent to this service\'s own database',
      registers: [registry],
    }),
    requestDuration: new Histogram({
      name: 'graphql_request_duration_seconds',
      help: 'GraphQL request duration by operation',
      labelNames: ['operation'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
  };
}
