export * from './audit';
export * from './audit-migration';
export * from './audit-append-migration';
export * from './audit-receipts';
