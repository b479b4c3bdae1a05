export * from './idempotency';
export * from './idempotency-migration';
