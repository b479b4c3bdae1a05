import { wholeNumber } from '@rg/settings';

/**
 * The gateway's speed mechanisms, each with its own switch (README "Load"). Every one keeps
 * the rule that one caller's personal records are never served to another: only answers
 * without personal records are kept for callers with the same role and scopes, an answer that
 * shows a person is kept (when switched on) for its own caller only and audited again at each
 * reuse, and in-flight sharing is keyed by the caller's Authorization header.
 */
export interface SpeedSettings {
  /** GATEWAY_RESPONSE_CACHE_MS: how long an answer without personal records is reused (0: off). */
  answerTtlMs: number;
  /**
   * GATEWAY_PERSONAL_ANSWER_MS: how long an answer that shows a person is kept for its own
   * caller, each reuse audited again by its departments (0, the default: off).
   */
  personalAnswerTtlMs: number;
  /** GATEWAY_SHARE_IN_FLIGHT: identical operations of the same caller in flight run once. */
  shareInFlight: boolean;
  /** GATEWAY_DEDUPLICATE_FETCHES: identical subgraph fetches of the same caller in flight go out once. */
  deduplicateFetches: boolean;
  /** GATEWAY_BATCH_ENTITY_FETCHES: entity fetches of the same caller asked at the same moment go out as one. */
  batchEntityFetches: boolean;
  /** GATEWAY_ENTITY_BATCH_SIZE: most representations one merged entity fetch carries. */
  entityBatchSize: number;
  /** GATEWAY_ENTITY_BATCH_IN_FLIGHT: merged fetches of one kind in flight at once before new ones wait (0: no limit). */
  entityBatchInFlight: number;
  /** GATEWAY_COST_CACHE_SIZE: how many (operation, variables) costs a document remembers (0: off). */
  costCacheSize: number;
}

const flag = (value: string | undefined, fallback: boolean) => (value === undefined || value === '' ? fallback : !/^(0|false|off|no)$/i.test(value));
const count = (env: NodeJS.ProcessEnv, name: string, fallback: number) => wholeNumber(env, name, fallback, 0);

export function speedSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): SpeedSettings {
  return {
    answerTtlMs: count(env, 'GATEWAY_RESPONSE_CACHE_MS', 5000),
    personalAnswerTtlMs: count(env, 'GATEWAY_PERSONAL_ANSWER_MS', 0),
    shareInFlight: flag(env.GATEWAY_SHARE_IN_FLIGHT, true),
    deduplicateFetches: flag(env.GATEWAY_DEDUPLICATE_FETCHES, true),
    batchEntityFetches: flag(env.GATEWAY_BATCH_ENTITY_FETCHES, true),
    entityBatchSize: count(env, 'GATEWAY_ENTITY_BATCH_SIZE', 500),
    entityBatchInFlight: count(env, 'GATEWAY_ENTITY_BATCH_IN_FLIGHT', 1),
    costCacheSize: count(env, 'GATEWAY_COST_CACHE_SIZE', 64),
  };
}
