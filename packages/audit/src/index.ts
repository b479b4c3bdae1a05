export * from './audit';
export * from './audit-migration';
