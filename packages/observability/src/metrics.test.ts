import { createMetrics } from './metrics';

describe('service metrics', () => {
  it('still reports the event loop delay, sampled every EVENT_LOOP_SAMPLE_MS, beside its own figures', async () => {
    const metrics = createMetrics('agriculture');
    metrics.dbStatements.inc();
    // A stalled loop: the sample due meanwhile is delayed by about as long.
    await new Promise((resolve) => setTimeout(resolve, 250));
    const stalledUntil = Date.now() + 150;
    while (Date.now() < stalledUntil);
    await new Promise((resolve) => setTimeout(resolve, 250));
    const text = await metrics.registry.metrics();
    for (const name of ['nodejs_eventloop_lag_seconds', 'nodejs_eventloop_lag_p99_seconds', 'nodejs_eventloop_lag_max_seconds', 'db_statements_total', 'graphql_request_duration_seconds']) {
      expect(text).toContain(`# TYPE ${name} `);
    }
    expect(text).toMatch(/^db_statements_total\{service="agriculture"\} 1$/m);
    const max = Number(/^nodejs_eventloop_lag_max_seconds\{service="agriculture"\} (\S+)$/m.exec(text)?.[1]);
    expect(max).toBeGreaterThan(0.1);
  });
});
