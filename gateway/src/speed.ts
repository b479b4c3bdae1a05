import type { ApolloServerPlugin } from '@apollo/server';
import type { Registry } from 'prom-client';
import type { GatewayContext } from './context';
import type { SpeedSettings } from './speed-settings';
import type { FetchSharing } from './department-data-source';
import { SpeedMetrics } from './speed-metrics';
import { AnswerCache, answerCachePlugin } from './answer-cache';
import { sharedOperationsPlugin } from './shared-operations';
import { InFlightFetches } from './fetch-dedup';
import { EntityBatches } from './entity-batching';
import { KeptAnswerTexts } from './kept-answer-text';

/**
 * The speed mechanisms as configured: the Apollo plugins (answers without personal records,
 * operations shared in flight per caller) and what every department's data source takes part
 * in (fetches shared in flight per caller, writes dropping kept answers).
 */
export function speedMechanisms(settings: SpeedSettings, registry: Registry, fetchDeadlineMs: number): {
  plugins: ApolloServerPlugin<GatewayContext>[];
  sharing: FetchSharing;
  /** Kept answers serialised once, when answers are kept. */
  texts?: KeptAnswerTexts;
} {
  const metrics = new SpeedMetrics(registry);
  const plugins: ApolloServerPlugin<GatewayContext>[] = [];
  const sharing: FetchSharing = {};
  let texts: KeptAnswerTexts | undefined;
  if (settings.answerTtlMs > 0) {
    texts = new KeptAnswerTexts();
    const cache = new AnswerCache(settings.answerTtlMs, undefined, texts);
    plugins.push(answerCachePlugin(cache, metrics));
    sharing.departmentWrote = (department) => cache.departmentWrote(department);
  }
  if (settings.shareInFlight) plugins.push(sharedOperationsPlugin(metrics, fetchDeadlineMs));
  if (settings.deduplicateFetches) sharing.inFlight = new InFlightFetches((department) => metrics.sharedFetches.inc({ department }));
  if (settings.batchEntityFetches) sharing.entityBatches = new EntityBatches({ maxRepresentations: settings.entityBatchSize, maxInFlight: settings.entityBatchInFlight }, (...sent) => metrics.entityFetchSent(...sent));
  return { plugins, sharing, texts };
}
