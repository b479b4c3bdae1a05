import { Counter, type Registry } from 'prom-client';

/** What the speed mechanisms saved, on the gateway's /metrics. */
export class SpeedMetrics {
  readonly publicAnswers: Counter<'outcome'>;
  readonly sharedOperations: Counter;
  readonly sharedFetches: Counter<'department'>;

  constructor(registry: Registry) {
    this.publicAnswers = new Counter({
      name: 'gateway_public_answers_total',
      help: 'Anonymous queries by outcome: hit (answered from the public answer cache), miss (executed and kept), not_kept (errors, or a write meanwhile)',
      labelNames: ['outcome'],
      registers: [registry],
    });
    this.sharedOperations = new Counter({
      name: 'gateway_shared_operations_total',
      help: 'Operations answered with the answer of an identical operation of the same caller already in flight',
      registers: [registry],
    });
    this.sharedFetches = new Counter({
      name: 'subgraph_fetches_shared_total',
      help: 'Fetches to a department not sent because an identical fetch of the same caller was in flight',
      labelNames: ['department'],
      registers: [registry],
    });
  }
}
