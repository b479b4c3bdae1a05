export * from './database-unavailable';
export * from './errors';
export * from './format-error';
