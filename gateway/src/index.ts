export * from './config';
export * from './gateway-server';
export * from './subgraph-health';
export * from './limits';
