import { speedSettingsFromEnv } from './speed-settings';

describe('speed settings', () => {
  it('has documented defaults and reads each switch from the environment', () => {
    expect(speedSettingsFromEnv({})).toEqual({
      answerTtlMs: 5000, personalAnswerTtlMs: 0, shareInFlight: true, deduplicateFetches: true, batchEntityFetches: true, entityBatchSize: 500, entityBatchInFlight: 1, costCacheSize: 64,
    });
    expect(speedSettingsFromEnv({
      GATEWAY_RESPONSE_CACHE_MS: '0', GATEWAY_PERSONAL_ANSWER_MS: '15000', GATEWAY_SHARE_IN_FLIGHT: 'false', GATEWAY_DEDUPLICATE_FETCHES: '0', GATEWAY_COST_CACHE_SIZE: '0',
      GATEWAY_BATCH_ENTITY_FETCHES: 'off', GATEWAY_ENTITY_BATCH_SIZE: '100', GATEWAY_ENTITY_BATCH_IN_FLIGHT: '0',
    })).toEqual({
      answerTtlMs: 0, personalAnswerTtlMs: 15000, shareInFlight: false, deduplicateFetches: false, batchEntityFetches: false, entityBatchSize: 100, entityBatchInFlight: 0, costCacheSize: 0,
    });
  });

  it('refuses a setting that is not a whole number, naming it', () => {
    expect(() => speedSettingsFromEnv({ GATEWAY_RESPONSE_CACHE_MS: '5s' })).toThrow("GATEWAY_RESPONSE_CACHE_MS must be a whole number ≥ 0, not '5s'");
    expect(() => speedSettingsFromEnv({ GATEWAY_COST_CACHE_SIZE: '-1' })).toThrow('GATEWAY_COST_CACHE_SIZE');
    expect(() => speedSettingsFromEnv({ GATEWAY_PERSONAL_ANSWER_MS: '1m' })).toThrow("GATEWAY_PERSONAL_ANSWER_MS must be a whole number ≥ 0, not '1m'");
    expect(() => speedSettingsFromEnv({ GATEWAY_ENTITY_BATCH_SIZE: 'many' })).toThrow('GATEWAY_ENTITY_BATCH_SIZE');
  });
});
