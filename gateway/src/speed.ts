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
import { keptPersonalAnswersPlugin } from './kept-personal-answers';
import { AuditReplays } from './audit-replays';

/** How many answers that show a person are kept at once, over all callers: each can be a page of 500 people. */
const KEPT_PERSONAL_ANSWERS = 100;

/**
 * The speed mechanisms as configured: the Apollo plugins (answers without personal records,
 * one caller's personal answers, operations shared in flight per caller) and what every
 * department's data source takes part in (fetches shared in flight per caller, writes
 * dropping kept answers, audit receipts and their replays).
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
  const texts = settings.answerTtlMs > 0 || settings.personalAnswerTtlMs > 0 ? new KeptAnswerTexts() : undefined;
  const caches: AnswerCache[] = [];
  if (settings.answerTtlMs > 0) {
    const cache = new AnswerCache(settings.answerTtlMs, undefined, texts);
    plugins.push(answerCachePlugin(cache, metrics));
    caches.push(cache);
  }
  if (settings.personalAnswerTtlMs > 0) {
    const cache = new AnswerCache(settings.personalAnswerTtlMs, KEPT_PERSONAL_ANSWERS, texts);
    sharing.auditReplays = new AuditReplays();
    plugins.push(keptPersonalAnswersPlugin(cache, sharing.auditReplays, metrics));
    caches.push(cache);
  }
  if (caches.length) sharing.departmentWrote = (department) => caches.forEach((cache) => cache.departmentWrote(department));
  if (settings.shareInFlight) plugins.push(sharedOperationsPlugin(metrics, fetchDeadlineMs));
  if (settings.deduplicateFetches) sharing.inFlight = new InFlightFetches((department) => metrics.sharedFetches.inc({ department }));
  if (settings.batchEntityFetches) sharing.entityBatches = new EntityBatches({ maxRepresentations: settings.entityBatchSize, maxInFlight: settings.entityBatchInFlight }, (...sent) => metrics.entityFetchSent(...sent));
  return { plugins, sharing, texts };
}
