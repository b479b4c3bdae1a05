import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per service instance, so several services can share a process in tests. */
export interface ServiceMetrics {
  registry: Registry;
  dbStatements: Counter;
  requestDuration: Histogram;
}

export function createMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
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
