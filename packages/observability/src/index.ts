export * from './logger';
export * from './metrics';
export * from './metrics-plugin';
