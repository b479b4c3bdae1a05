import { Counter, type Registry } from 'prom-client';

/** What the speed mechanisms saved, on the gateway's /metrics. */
export class SpeedMetrics {
  readonly keptAnswers: Counter<'caller' | 'outcome'>;
  readonly sharedOperations: Counter;
  readonly sharedFetches: Counter<'department'>;

  constructor(registry: Registry) {
    this.keptAnswers = new Counter({
      name: 'gateway_kept_answers_total',
      help: 'Queries by caller (anonymous, token) and outcome: hit (answered from the kept answers), miss (executed and kept), personal (a department read a personal record: not kept), not_kept (errors, no department asked, or a write meanwhile)',
      labelNames: ['caller', 'outcome'],
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
