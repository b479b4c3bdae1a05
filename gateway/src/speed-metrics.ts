import { Counter, Histogram, type Registry } from 'prom-client';

/** What the speed mechanisms saved, on the gateway's /metrics. */
export class SpeedMetrics {
  readonly keptAnswers: Counter<'caller' | 'outcome'>;
  readonly keptPersonalAnswers: Counter<'outcome'>;
  readonly sharedOperations: Counter;
  readonly sharedFetches: Counter<'department'>;
  readonly mergedEntityFetches: Counter<'department'>;
  readonly entityFetchesSent: Counter<'department' | 'merged'>;
  readonly entityFetchRepresentations: Histogram<'department'>;

  constructor(registry: Registry) {
    this.keptAnswers = new Counter({
      name: 'gateway_kept_answers_total',
      help: 'Queries by caller (anonymous, token) and outcome: hit (answered from the kept answers), miss (executed and kept), personal (a department read a personal record: not kept), not_kept (errors, no department asked, or a write meanwhile)',
      labelNames: ['caller', 'outcome'],
      registers: [registry],
    });
    this.keptPersonalAnswers = new Counter({
      name: 'gateway_kept_personal_answers_total',
      help: "Queries that showed a person, kept for their own caller only, by outcome: hit (sent again after every department that audited it recorded the reads again), miss (executed and kept), replay_refused (a department did not record the reads again: executed in full), not_kept (errors, a department that gave no receipt, a fetch shared with another request, or a write meanwhile)",
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
    this.mergedEntityFetches = new Counter({
      name: 'subgraph_entity_fetches_merged_total',
      help: "Client requests' entity fetches to a department that went out merged with others of the same caller",
      labelNames: ['department'],
      registers: [registry],
    });
    this.entityFetchesSent = new Counter({
      name: 'subgraph_entity_fetches_sent_total',
      help: 'Entity fetches sent to a department: merged="true" carried two or more client fetches, "false" one',
      labelNames: ['department', 'merged'],
      registers: [registry],
    });
    this.entityFetchRepresentations = new Histogram({
      name: 'subgraph_entity_fetch_representations',
      help: 'Representations per entity fetch sent to a department, merged or not',
      labelNames: ['department'],
      buckets: [1, 5, 10, 20, 50, 100, 200, 500, 1000],
      registers: [registry],
    });
  }

  /** Counts one entity fetch sent, carrying `fetches` client fetches and `representations` records. */
  entityFetchSent(department: string, fetches: number, representations: number): void {
    if (fetches > 1) this.mergedEntityFetches.inc({ department }, fetches);
    this.entityFetchesSent.inc({ department, merged: String(fetches > 1) });
    this.entityFetchRepresentations.observe({ department }, representations);
  }
}
